"""Typed input documents. Each knows its fields; cross-references are checked in `validate`."""

from assess.documents.models.checklist import Checklist, Control, Domain, LegalBasis, Scoring
from assess.documents.models.common import DataClass, LocalText, Severity, Status, Text, Verdict
from assess.documents.models.legal import Instrument, LegalRegister
from assess.documents.models.platform import Platform
from assess.documents.models.proposal import Answer, DataItem, Flow, Node, Proposal, Zone
from assess.documents.models.review import Override, Review

KINDS: dict[str, type[Checklist | Proposal | Review | Platform | LegalRegister]] = {
    "checklist": Checklist, "proposal": Proposal, "review": Review, "platform": Platform,
    "legal-register": LegalRegister}
"""Every document kind, by the `kind:` it declares."""

__all__ = ["KINDS", "Answer", "Checklist", "Control", "DataClass", "DataItem", "Domain", "Flow",
           "Instrument", "LegalBasis", "LegalRegister", "LocalText", "Node", "Override", "Platform",
           "Proposal", "Review", "Scoring", "Severity", "Status", "Text", "Verdict", "Zone"]
