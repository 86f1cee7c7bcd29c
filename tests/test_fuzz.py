"""Fuzzing (issue 12, class 8): mutated documents and mutated signed PDFs never crash assess.

Every loader (proposal, review, checklist, platform profile, releases.lock), `validate` and
`score` on mutated examples, and `verify` on mutated signed PDFs: a mutation may only ever give
a located input error (exit 2) or, for a PDF, a failed verification (exit 1) — never another
exception, never a PDF that verifies although its signed bytes changed.

Bounded in the default run (ASSESS_FUZZ_EXAMPLES, 40 per target, derandomised so CI is
repeatable); `make fuzz` runs 2,000 per target with fresh randomness. Each crash class found
this way is a named regression test at the end of this file.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.checklists.catalog import PLATFORMS, Catalog
from assess.checklists.loading import load_inputs, validate_file
from assess.checklists.lock import read_lock_with_problems
from assess.core.errors import AssessError
from assess.documents import yamlsource
from assess.engine.evaluate import evaluate
from tests.helpers import DATA

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("ASSESS_FUZZ_EXAMPLES", "40"))
FRESH = "ASSESS_FUZZ_EXAMPLES" in os.environ
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not FRESH,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

DOCUMENTS = {
    "proposal-bac-giang": ROOT / "examples" / "bac-giang-zalo-2019.yaml",
    "proposal-facebook": ROOT / "examples" / "facebook-messenger-abroad.yaml",
    "proposal-legacy": DATA / "legacy" / "bac-ninh-zalo-notifications.yaml",
    "review": ROOT / "examples" / "bac-giang-zalo-2019.review.yaml",
    "checklist": ROOT / "assess" / "data" / "checklists" / "vn-third-party-channel" / "1.1.0.yaml",
    "platform": ROOT / "assess" / "data" / "platforms" / "zalo-oa" / "1.0.0.yaml",
}
TOKENS = [b": ", b"- ", b"{", b"}", b"[", b"]", b",", b"&a ", b"*a", b"!!int ", b"!!float ",
          b"!!bool ", b"!!timestamp ", b"!!binary ", b"!!python/object ", b"<<: ", b"'", b'"',
          b"\\e", b"~", b"\t", b"\n", b"\n  ", b"#", b"|\n", b">-\n", b"---\n", b"? ",
          b"2026-02-30", b"9" * 5000, b"1e400", b".nan", b"yes", b"NO", b"0x1F", b"190:20:30",
          b"\x00", b"\x1b[2J", b"\xc2\x9b", b"\xe2\x80\xae", b"\xff", b"\xef\xbb\xbf", b"null",
          b"unknown", b"met", b"not-applicable", b"VN", b"XX", b"@1.0.0", b"/etc/passwd"]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """`original` with one to four edits: a token inserted, a span deleted or duplicated,
    a byte replaced, two lines swapped."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "byte", "swap"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "duplicate":
            data[at:at] = data[at:at + draw(st.integers(1, 200))]
        elif kind == "byte":
            if data:
                data[at] = draw(st.integers(0, 255))
        else:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


CATALOG = Catalog([DATA / "checklists"])
PROFILES = Catalog(shelf=PLATFORMS)


def _load_and_score(raw: bytes, name: str) -> None:
    """What `validate` then `score` do with the bytes; InputError is the only way to fail."""
    try:
        source = yamlsource.parse(raw, name)
        kind = validate_file(source, CATALOG, PROFILES)
        if kind == "proposal":
            inputs = load_inputs(source, CATALOG, platforms=PROFILES)
            a = evaluate(inputs.proposal, inputs.checklist, None, inputs.platform)
            assert a.verdict is not None
            a.to_json()
    except AssessError:
        pass


@pytest.mark.parametrize("doc", sorted(DOCUMENTS))
def test_a_mutated_document_is_loaded_or_refused_never_crashes(doc: str) -> None:
    original = DOCUMENTS[doc].read_bytes()

    @FUZZ
    @given(mutated(original))
    def run(raw: bytes) -> None:
        _load_and_score(raw, DOCUMENTS[doc].name)

    run()


def test_a_mutated_lock_is_read_or_refused_never_crashes() -> None:
    original = (ROOT / "assess" / "data" / "checklists" / "vn-third-party-channel"
                / "releases.lock").read_bytes()

    @FUZZ
    @given(mutated(original))
    def run(raw: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "releases.lock").write_bytes(raw)
            lock, problems, _ = read_lock_with_problems(Path(folder))
            assert all(isinstance(k, str) and isinstance(v, str) for k, v in lock.items())
            assert all(p.message for p in problems)

    run()


@FUZZ
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
                    | st.dates(), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=12),
       st.sampled_from(["title", "submitted_on", "channel", "data", "nodes", "flows", "answers",
                        "zones", "services", "data_subjects", "checklist"]))
def test_any_value_in_any_field_is_loaded_or_refused(value: object, field: str) -> None:
    """Structure-level: a field of the example replaced by any YAML value at all."""
    import yaml

    data = yaml.safe_load(DOCUMENTS["proposal-bac-giang"].read_text(encoding="utf-8"))
    data[field] = value
    _load_and_score(yaml.safe_dump(data, allow_unicode=True).encode("utf-8"), "p.yaml")


# --- verify on mutated signed PDFs ------------------------------------------------------------

@pytest.fixture(scope="module")
def signed_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, object]:
    from pyhanko.sign import signers

    from assess.signatures.demo_ca import make_demo
    from assess.signatures.sign import sign_pdf
    from assess.signatures.verify import load_trust_roots
    from tests.test_signing import make_pdf

    demo = make_demo("Nguyễn Văn A")  # the signer the test report prints
    folder = tmp_path_factory.mktemp("fuzz-ca")
    (folder / "ca.pem").write_bytes(demo.ca_pem)
    signer = signers.SimpleSigner.load_pkcs12_data(demo.key_p12, (),
                                                   passphrase=demo.password.encode())
    return sign_pdf(make_pdf(), signer, name="r.pdf").pdf, load_trust_roots([folder / "ca.pem"])


def _same_signature(a: bytes, b: bytes) -> bool:
    """Equal but for the case of hex digits in /Contents (the same signature bytes)."""
    if len(a) != len(b):
        return False
    return all(x == y or (chr(x).lower() == chr(y).lower() and chr(x) in "0123456789abcdefABCDEF")
               for x, y in zip(a, b, strict=True))


def test_a_mutated_signed_pdf_never_crashes_and_never_verifies(
        signed_pdf: tuple[bytes, object]) -> None:
    from assess.signatures.verify import verify_pdf

    original, roots = signed_pdf
    v = verify_pdf(original, roots)  # type: ignore[arg-type]
    assert v.ok, [str(c) for c in v.failures]

    @FUZZ
    @given(mutated(original))
    def run(raw: bytes) -> None:
        result = verify_pdf(raw, roots)  # type: ignore[arg-type]
        if result.ok:
            assert raw == original or _same_signature(raw, original), "a changed PDF verified"
        for c in result.failures:
            assert str(c)

    run()


# --- crash classes found by fuzzing, kept as named regressions --------------------------------

def test_regression_a_key_that_yaml_would_read_as_an_impossible_date() -> None:
    """`2026-02-30:` as a key crashed the reader (ValueError from the timestamp constructor)."""
    with pytest.raises(AssessError, match="unknown field '2026-02-30'"):
        validate_file(yamlsource.parse(b"kind: review\n2026-02-30: x\n", "r.yaml"), CATALOG)


def test_regression_an_integer_past_pythons_digit_limit() -> None:
    """A 5,000-digit integer crashed int() and then the message that tried to show it."""
    raw = DOCUMENTS["proposal-bac-giang"].read_bytes()
    raw = re.sub(rb"count: \d+", b"count: " + b"9" * 5000, raw, count=1)
    with pytest.raises(AssessError, match="at most 18 digits"):
        validate_file(yamlsource.parse(raw, "p.yaml"), CATALOG, PROFILES)


def test_regression_a_damaged_object_stream_and_a_dangling_attachment(
        signed_pdf: tuple[bytes, object]) -> None:
    """A zlib error in an object stream and a reference to no object were internal errors."""
    from assess.signatures.verify import verify_pdf

    original, roots = signed_pdf
    at = original.index(b"stream", original.index(b"ObjStm")) + 8
    damaged = original[:at] + b"\x00" * 32 + original[at + 32:]
    assert not verify_pdf(damaged, roots).ok  # type: ignore[arg-type]
    assert io.BytesIO(damaged).read(4) == b"%PDF"
