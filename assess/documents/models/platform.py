"""The platform profile: the operator's part of the graph, vetted by the ministry (`kind: platform`).

A proposal's drawing is the province's claim; the part of the system the province does not run
— the operator's servers, where they are, what they keep, for how long — comes from a profile a
ministry has checked against public sources and released like a checklist. Every fact names the
sources it rests on and how sure they are: `confirmed`, `to-confirm` (one secondary source) or
`unknown` (nothing found). An unknown counts against a proposal, never for it: a location is
`country: unknown`, a retention `retention_days: null`, a store's encryption `unknown`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from assess.core import semver
from assess.core.i18n.messages import msg
from assess.documents.models.common import Evidence, Id, Status, Strict, Text, iso_country

UNKNOWN_COUNTRY = "ZZ"
"""How an unknown location travels through the graph: CLDR's code for 'Unknown Region', which
is never Vietnam, so nothing unknown can pass for being at home."""

Certainty = Literal["confirmed", "to-confirm", "unknown"]
PlaceCountry = Annotated[str, Field(
    pattern=r"^([A-Z]{2}|unknown)$",
    description="ISO 3166-1 alpha-2 code of where it is, or 'unknown' when no source says "
    "(an unknown location is never taken to be Vietnam)."), AfterValidator(iso_country)]
ChannelKind = Literal["official-account", "social-page", "chat-bot", "mini-app", "saas-form", "other"]


class Sourced(Strict):
    """A fact with the public sources it rests on and how sure they make it."""

    sources: list[Id] = Field(default_factory=list, description="Ids of entries of `sources` "
                              "this fact rests on (none when it is unknown).")
    certainty: Certainty = Field(description="confirmed (the operator's own text, a government "
                                 "text or several reliable reports), to-confirm (one secondary "
                                 "source) or unknown (nothing found).")
    note: Text | None = Field(None, description="What the sources say, in a sentence.")


class PublicSource(Strict):
    """A public document a policy team can re-check."""

    id: Id = Field(description="Source id, unique in the profile; facts cite it.")
    title: str = Field(min_length=1, description="Title of the document or article.")
    publisher: str = Field(min_length=1, description="Who published it.")
    published: str | None = Field(None, description="Date or period of publication, as given "
                                  "(e.g. '2025-12-31', 'Jan 2026').")
    where: str | None = Field(None, description="Where to find it (an address or site, shown as "
                              "text only).")


class Operator(Sourced):
    """A company that runs part of the platform."""

    id: Id = Field(description="Operator id: zones name their operator by it, never by text.")
    name: str = Field(min_length=1, description="Legal name, e.g. 'Công ty Cổ phần VNG'.")
    country: PlaceCountry = Field(description="Where it is established.")
    role: Text = Field(description="What it does for the platform (controller, operator, …).")


class PlatformZone(Sourced):
    """Where part of the platform runs: the operator's systems in one jurisdiction."""

    id: Id = Field(description="Zone id; a proposal may not reuse it.")
    name: Text = Field(description="Zone name.")
    country: PlaceCountry = Field(description="Where its systems and data are; 'unknown' when no "
                                  "source says.")
    operator: Id = Field(description="Id of the operator (in `operators`) that runs it.")
    trust: Literal["third-party", "untrusted"] = Field(
        description="A platform is never a government zone: third-party or untrusted.")


class PlatformNode(Sourced):
    """A system of the platform: an entry point a proposal connects to, or what lies behind it."""

    id: Id = Field(description="Node id; a proposal connects its flows to entry points by it.")
    name: Text = Field(description="Node name.")
    kind: Literal["process", "datastore", "external"] = Field(description="process, datastore or "
                                                               "external system.")
    zone: Id = Field(description="Id of the profile zone it is in.")
    entry: bool = Field(False, description="True if a proposal's flows may connect to it (an "
                        "entry point); the others are reached only through the profile's flows.")
    keeps: Literal["yes", "no", "unknown"] = Field(
        description="Does it keep what reaches it? 'unknown' counts as yes; 'no' only with a "
        "confirmed source.")
    encrypted_at_rest: Literal["yes", "no", "unknown"] = Field(
        "unknown", description="Is what it keeps encrypted at rest?")
    retention_days: int | None = Field(
        None, ge=0, description="Days it keeps data before deletion; null when no source says "
        "(counts as no retention period).")
    until_deleted: bool = Field(
        False, description="True when a source says it keeps data until someone deletes it: no "
        "retention period, as a known fact rather than an unknown one.")
    inbound: Literal["none", "tls", "e2e", "unknown"] = Field(
        "unknown", description="The best encryption a connection into this entry point has: a "
        "proposal's flow into or out of it counts as no better than this.")


class PlatformFlow(Sourced):
    """Inside the platform: everything that reaches its entry points goes this way too."""

    source: Id = Field(alias="from", description="Id of the sending profile node.")
    target: Id = Field(alias="to", description="Id of the receiving profile node.")
    encryption: Literal["none", "tls", "e2e", "unknown"] = Field(description="Encryption on it.")
    authenticated: bool = Field(description="Is the sender authenticated by the receiver?")


class SubProcessor(Sourced):
    """Someone the operator passes data to."""

    name: str = Field(min_length=1, description="Who.")
    country: PlaceCountry = Field(description="Where.")
    purpose: Text = Field(description="What for.")


class Filing(Sourced):
    """One of the operator's own filings under Vietnamese law (e.g. a Decree 356/2025 impact
    assessment of processing or of transfer abroad)."""

    kind: Literal["processing-impact", "transfer-impact", "other"] = Field(description="What "
                                                                          "it assesses.")
    reference: str = Field(min_length=1, description="Its number or reference.")
    filed_on: dt.date = Field(description="When it was filed.")
    filed_with: str = Field(min_length=1, description="The authority it was filed with.")


class ProfileAnswer(Sourced):
    """The profile's answer to an operator-owned control, for one checklist version."""

    status: Status = Field(description="met, partial, not-met, not-applicable or unknown.")
    evidence: list[Evidence] = Field(default_factory=list, description="What proves it (a "
                                     "met or partial needs at least one).")

    @model_validator(mode="after")
    def _proved(self) -> ProfileAnswer:
        if self.status in (Status.met, Status.partial) and not self.evidence:
            raise ValueError(msg("value.needs_evidence", status=str(self.status)))
        return self


class Unknown(Sourced):
    """A whole list no source gives (sub-processors, filings): stated, not left out."""

    known: Literal[False] = Field(description="Always false: no public source lists them.")


class Platform(Strict):
    """A released description of a platform as it is, which proposals connect to."""

    kind: Literal["platform"] = Field(description="Always 'platform'.")
    schema_version: Literal[1] = Field(description="Version of this document format; currently 1.")
    id: Id = Field(description="Profile id, e.g. zalo-oa; stable forever.")
    version: str = Field(pattern=semver.PATTERN, description="Semantic version, e.g. 1.0.0.")
    status: Literal["draft", "released"] = Field(description="draft or released.")
    title: Text = Field(description="What the profile describes.")
    description: Text | None = Field(None, description="Scope and limits of the profile.")
    checked_on: dt.date = Field(description="When the facts were last checked against sources.")
    publisher: str = Field(min_length=1, description="Who vetted and publishes the profile.")
    channel_kind: ChannelKind = Field(description="The channel kind a proposal on it has.")
    operator: Id = Field(description="Id of the operator (in `operators`) citizens deal with: "
                         "the channel's operator.")
    operators: list[Operator] = Field(min_length=1, description="Companies behind the platform.")
    zones: list[PlatformZone] = Field(min_length=1, description="Where it runs.")
    nodes: list[PlatformNode] = Field(min_length=1, description="Its systems.")
    flows: list[PlatformFlow] = Field(default_factory=list, description="Its internal flows.")
    sub_processors: list[SubProcessor] | Unknown = Field(description="Who it passes data to, or "
                                                         "`known: false` when no source says.")
    filings: list[Filing] | Unknown = Field(description="The operator's filings under Decree "
                                            "356/2025, or `known: false` when none was found.")
    answers: dict[str, dict[str, ProfileAnswer]] = Field(
        default_factory=dict, description="Per checklist (id@version): answers to controls the "
        "operator owns or shares. Where the province also answers, the worse one counts.")
    sources: list[PublicSource] = Field(min_length=1, description="Every public source cited.")

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def operator_record(self) -> Operator:
        return next(o for o in self.operators if o.id == self.operator)
