"""The proposal document: what a province wants to run on a third-party channel."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import Field

from assess.documents.models.common import (
    DOC_NUMBER,
    RELEASE_REF,
    SYMBOL,
    Country,
    DataClass,
    Evidence,
    Id,
    LocalText,
    Signer,
    Status,
    Strict,
)


class Contact(Strict):
    """Who to ask about the proposal."""

    name: str = Field(min_length=1, description="Full name of the contact person.")
    email: str | None = Field(None, description="E-mail address.")
    phone: str | None = Field(None, description="Telephone number.")


class Submitter(Strict):
    """The body submitting the proposal."""

    organization: LocalText = Field(description="Submitting body, e.g. 'UBND tỉnh Bắc Giang'.")
    unit: LocalText | None = Field(None, description="Unit within it that runs the service.")
    contact: Contact = Field(description="Contact person.")
    place: str | None = Field(None, description="Place in the report's date line, e.g. 'Bắc "
                              "Giang'; taken from the organisation's name when not given.")
    symbol: str | None = Field(
        None, pattern=SYMBOL, description="The issuing body's official abbreviation in the "
        "report's symbol 'Số: 12/BC-<symbol>', e.g. 'TTHCC'; made from the initials of its name "
        "when not given.")
    number: str | None = Field(
        None, pattern=DOC_NUMBER, description="The report's registration number, digits only, "
        "when the records office has given one; left blank for it to fill in otherwise.")
    signer: Signer | None = Field(
        None, description="Who signs the report (name, position, and `authority` when signing "
        "for the head); without it the contact person signs as the one who prepared it.")
    recipients: list[LocalText] = Field(
        default_factory=list, description="'Nơi nhận' lines before 'Lưu: VT', e.g. 'Bộ Khoa "
        "học và Công nghệ (để thẩm định)'; the reviewing authority when empty.")
    drafting_unit: str | None = Field(
        None, pattern=SYMBOL, description="Abbreviation of the unit that drafted the report, "
        "in the line 'Lưu: VT, <unit>.', e.g. 'KSTTHC'.")


class Channel(Strict):
    """The third-party channel the province wants to use."""

    name: LocalText = Field(description="Channel as citizens see it, e.g. 'Zalo OA Bắc Giang'.")
    platform: str | None = Field(
        None, pattern=RELEASE_REF,
        description="The vetted platform profile the channel runs on, as id@version (see "
        "`assess platform list`), e.g. zalo-oa@1.0.0. The profile supplies the operator, its "
        "zones and what it keeps; the proposal connects its nodes to the profile's entry points.")
    operator: str | None = Field(
        None, min_length=1, description="Who runs the platform: an id from `operators` (or, in "
        "older proposals, the company's name). Taken from the profile when `platform` is given.")
    operator_country: Country | None = Field(
        None, description="Country where the operator is established. Taken from `operators` or "
        "the profile when not given; required otherwise.")
    kind: Literal["official-account", "social-page", "chat-bot", "mini-app", "saas-form",
                  "other"] = Field(description="What kind of channel it is.")
    exclusive: bool = Field(description="True if citizens can get the service ONLY through this "
                            "channel (no portal, counter or other way).")
    url: str | None = Field(None, description="Public address of the channel (shown as text only).")


class Service(Strict):
    """A public service delivered through the channel."""

    id: Id = Field(description="Service id, unique in the proposal.")
    name: LocalText = Field(description="Service name.")
    description: LocalText | None = Field(None, description="What citizens do through it.")
    data: list[str] = Field(default_factory=list, description="Ids of data items it uses.")
    reaches_province_systems: bool = Field(
        True, description="true (the default) if the service passes citizens' data from the "
        "channel into the province's own systems (an API, a bot server, a database); false if "
        "officers only read and answer in the platform's own console. Left out, it counts as true.")


class DataSubjects(Strict):
    """A category of people whose data is processed."""

    category: LocalText = Field(description="Who they are, e.g. 'citizens applying for permits'.")
    count: int = Field(ge=0, description="Estimated number of people.")


DataTag = Literal["identity-document-image"]
"""What a data item is, beyond its class, where a rule or a law asks about that kind of data:
identity-document-image (images of identity documents: citizen ID card, passport, driving
licence…). New tags are added here; `TAG_CLASS` says the class each one requires."""
DATA_TAGS: tuple[DataTag, ...] = get_args(DataTag)
ID_IMAGE: DataTag = "identity-document-image"
TAG_CLASS: dict[DataTag, str] = {ID_IMAGE: "sensitive-personal"}
"""The class an item with the tag must have: Decree 356/2025 Art. 4 lists images of identity
documents as sensitive personal data (`documents.references` refuses any other class)."""


class DataItem(Strict):
    """An entry of the data inventory."""

    id: Id = Field(description="Data id, unique in the proposal.")
    name: LocalText = Field(description="What the data is.")
    data_class: Literal["public", "internal", "personal", "sensitive-personal"] = Field(
        alias="class", description="Classification: public, internal, personal or "
        "sensitive-personal (Decree 356/2025 Art. 4 lists sensitive data).")
    description: LocalText | None = Field(None, description="Fields it contains.")
    tags: list[DataTag] = Field(
        default_factory=list, description="What kind of data it is, where the law names the "
        "kind: identity-document-image for images of identity documents (citizen ID card, "
        "passport, driving licence…), which Decree 356/2025 Art. 4 lists as sensitive personal "
        "data (class: sensitive-personal) and Law 91/2025 Art. 29 forbids social networks to "
        "demand.")

    @property
    def cls(self) -> DataClass:
        return DataClass(self.data_class)


class Operator(Strict):
    """A company or body that runs zones of the proposal, named once and referred to by id."""

    id: Id = Field(description="Operator id, e.g. 'vng'; zones and the channel name it.")
    name: str = Field(min_length=1, description="Legal name, e.g. 'Công ty Cổ phần VNG'.")
    country: Country = Field(description="Country where it is established.")


class Zone(Strict):
    """A trust zone: where something runs, in which country, under whose control."""

    id: Id = Field(description="Zone id, unique in the proposal.")
    name: LocalText = Field(description="Zone name.")
    country: Country = Field(description="Country where the zone's systems and data are located.")
    operator: str = Field(min_length=1, description="Who operates the zone: an id from "
                          "`operators` when the proposal lists them (older proposals: a name).")
    trust: Literal["government", "third-party", "untrusted"] = Field(
        description="government (the state's own systems), third-party (a contracted operator) "
        "or untrusted (the public internet, citizens' devices).")


class Node(Strict):
    """An element of the data-flow diagram."""

    id: Id = Field(description="Node id, unique in the proposal.")
    name: LocalText = Field(description="Node name.")
    kind: Literal["actor", "process", "datastore", "external"] = Field(
        description="actor (a person), process (software), datastore, or external system.")
    zone: str = Field(description="Id of the zone it is in.")
    stores: list[str] = Field(default_factory=list,
                              description="Datastores only: ids of the data items kept there.")
    encrypted_at_rest: Literal["yes", "no", "unknown"] | None = Field(
        None, description="Is the stored data encrypted at rest? (datastores; outside a "
        "government zone any node, and 'yes' only with evidence)")
    retention_days: int | None = Field(
        None, ge=0, description="How many days data is kept before deletion (datastores; outside "
        "a government zone any node, and only with evidence).")
    retains: bool | None = Field(
        None, description="Outside a government zone only: false if the node keeps nothing it "
        "receives (counts only with evidence). Without it, a node outside the state's systems "
        "that receives personal data is presumed to keep it, encryption at rest and retention "
        "unknown.")
    evidence: list[Evidence] = Field(
        default_factory=list, description="Documents proving what this node declares about "
        "keeping data (retains, encrypted_at_rest, retention_days) outside a government zone; "
        "without them those claims do not count.")


class Flow(Strict):
    """A transfer of data from one node to another."""

    source: str = Field(alias="from", description="Id of the sending node.")
    target: str = Field(alias="to", description="Id of the receiving node.")
    data: list[str] = Field(min_length=1, description="Ids of the data items it carries.")
    encryption: Literal["none", "tls", "e2e", "unknown"] = Field(
        description="none, tls (encrypted in transit, readable by each hop), e2e (end-to-end), "
        "or unknown (not known to the province: treated as unencrypted until shown otherwise).")
    authenticated: bool = Field(description="Is the sender authenticated by the receiver?")
    purpose: LocalText | None = Field(None, description="Why the data moves.")

    @property
    def key(self) -> str:
        return f"{self.source}->{self.target}"


class Answer(Strict):
    """The province's declared answer to one control."""

    status: Status = Field(description="met, partial, not-met, not-applicable or unknown.")
    evidence: list[Evidence] = Field(default_factory=list,
                                     description="References to the documents that prove it.")
    note: str | None = Field(None, description="Explanation in the province's words.")


class Proposal(Strict):
    """A proposal to deliver public services through a third-party channel (`kind: proposal`)."""

    kind: Literal["proposal"] = Field(description="Always 'proposal'.")
    schema_version: Literal[1] = Field(description="Version of this document format; currently 1.")
    id: Id = Field(description="Proposal id.")
    title: LocalText = Field(description="Title of the proposal.")
    submitted_by: Submitter = Field(description="Submitting body.")
    submitted_on: dt.date = Field(description="Date of submission.")
    checklist: str = Field(pattern=RELEASE_REF, description="Checklist answered, as "
                           "id@version, e.g. vn-third-party-channel@1.0.0 (never a file: a "
                           "checklist file is given on the command line, with --checklist).")
    channel: Channel = Field(description="The channel.")
    operators: list[Operator] = Field(
        default_factory=list, description="Who runs the zones, by id (the platform's operator "
        "comes from its profile). When given, every zone names its operator by one of these ids.")
    services: list[Service] = Field(default_factory=list, description="Services offered through it.")
    data_subjects: list[DataSubjects] = Field(default_factory=list,
                                              description="Whose data is processed.")
    data: list[DataItem] = Field(default_factory=list, description="Data inventory.")
    zones: list[Zone] = Field(default_factory=list, description="Trust zones.")
    nodes: list[Node] = Field(default_factory=list, description="Data-flow diagram nodes.")
    flows: list[Flow] = Field(default_factory=list, description="Data flows between nodes.")
    answers: dict[str, Answer] = Field(default_factory=dict,
                                       description="Declared answer per control id.")

    def operator_name(self, operator: str | None = None) -> str:
        """The name of an operator named by id (the channel's by default); the text itself in
        older proposals that name operators by text."""
        op = operator if operator is not None else self.channel.operator
        return next((o.name for o in self.operators if o.id == op), op or "—")
