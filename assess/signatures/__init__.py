"""PAdES signing and verification of reports, and the TEST-ONLY demo certificate authority.
"""
