"""Benchmarks run only on request: `make bench` (pytest-benchmark with --benchmark-enable)."""
