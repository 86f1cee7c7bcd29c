"""The built-in graph rules. Each walks the graph once (linear in flows and nodes).

Rule ids are referenced by checklists (`rule:`) and are stable forever; a finding's id is
`RULE@element`, where element is a node id or a flow `from->to`. Every hit carries the path the
data took to the offending flow or store (from where it originates, see `assess.exposure`), so a
reviewer sees how it got there, not only where it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from assess.core.i18n import LANGS, Lang, country
from assess.core.i18n import t as tr
from assess.documents.models import Severity, Text
from assess.documents.models.platform import UNKNOWN_COUNTRY
from assess.documents.models.proposal import ID_IMAGE
from assess.engine.exposure import Index, index
from assess.engine.graph import HOME_COUNTRY, FlowGraph
from assess.engine.rules import Hit, Rule

_TRUST_OUTSIDE = ("third-party", "untrusted")
"""Trust levels outside the state's systems."""


@dataclass(frozen=True, slots=True)
class _Labels:
    """What a finding's text calls the elements it names: nodes, zones and data items by their
    names in one language (ids are for ids: the finding's own id, its path), countries by name."""

    lang: Lang
    nodes: dict[str, str]
    zones: dict[str, str]
    data: dict[str, str]
    services: dict[str, str]

    def node(self, n: str) -> str:
        return f"“{self.nodes.get(n, n)}”"

    def zone(self, z: str) -> str:
        return f"“{self.zones.get(z, z)}”"

    def items(self, ids: list[str] | tuple[str, ...]) -> str:
        return "; ".join(self.data.get(d, d) for d in ids)

    def country(self, code: str) -> str:
        return country(code, self.lang)

    def element(self, element: str) -> str:
        """An element a rule names: a service ('service:<id>'), the inventory, or a node."""
        kind, _, ident = element.partition(":")
        if kind == "service" and ident:
            return f"“{self.services.get(ident, ident)}”"
        if element == "inventory":
            return tr("data_inventory", self.lang)
        return self.node(element)


def _labels(fg: FlowGraph) -> tuple[_Labels, _Labels]:
    """The (vi, en) labels of the joined proposal, built once per graph."""
    found = cast("tuple[_Labels, _Labels] | None", fg.memo.get("labels"))
    if found is None:
        p = fg.proposal
        found = cast("tuple[_Labels, _Labels]", tuple(
            _Labels(lang, {n.id: n.name.get(lang) for n in p.nodes},
                    {z.id: z.name.get(lang) for z in p.zones},
                    {d.id: d.name.get(lang) for d in p.data},
                    {s.id: s.name.get(lang) for s in p.services}) for lang in LANGS))
        fg.memo["labels"] = found
    return found


def _presumed(fg: FlowGraph, n: str, data: list[str]) -> tuple[str, str]:
    """Why a node keeps data the province did not draw it keeping (vi, en), or empty strings;
    for a node of the platform profile, that the profile says so."""
    if n in fg.from_profile:
        return _profiled(fg, n)
    presumed = index(fg).presumed.get(n, ())
    held = [d for d in data if d in presumed]
    if not held:
        return "", ""
    vi, en = _labels(fg)
    return (f" Giả định: {vi.node(n)} nhận {vi.items(held)} và chưa có hồ sơ nền tảng hay bằng "
            "chứng (retains: false) cho thấy không lưu lại.",
            f" Presumed: {en.node(n)} receives {en.items(held)} and neither a platform profile "
            "nor evidence (retains: false) shows it does not keep it.")


def trace(fg: FlowGraph, u: str, v: str, data: str) -> tuple[str, ...]:
    """The path `data` took to reach the flow u→v: from its origin to u, then v."""
    return (*index(fg).spread(data).path(u), v)


def _rests(ix: Index, n: str, data: str) -> tuple[str, ...]:
    """The path `data` took to the node that keeps it."""
    return ix.spread(data).path(n)


def _profiled(fg: FlowGraph, *elements: str) -> tuple[str, str]:
    """The note that a finding rests on the platform profile (vi, en), or empty strings."""
    if fg.platform is None or not any(e in fg.from_profile for e in elements):
        return "", ""
    note = cast("tuple[str, str] | None", fg.memo.get("profiled"))
    if note is None:
        note = fg.memo["profiled"] = (f" (Theo hồ sơ nền tảng {fg.platform}.)",
                                      f" (Per platform profile {fg.platform}.)")
    return note


def _profile_unknown(fg: FlowGraph, n: str, what: str) -> bool:
    """True where a hit rests on what the platform profile leaves unknown about its own node:
    the control is then unknown rather than not met, until the province's evidence settles it."""
    return f"{n}:{what}" in fg.unknowns


def _declared_abroad(fg: FlowGraph, reached: set[str]) -> list[Hit]:
    """Zones declared abroad that no drawn flow brings the channel's personal data into from
    another country: what the drawing leaves out, the scope presumes — the data is sent there
    (and kept there: `graph._unshown`). Sending it to citizens' own devices abroad is a
    transfer too; and evidence of what a zone's systems keep says nothing of what is sent."""
    if not fg.scope:
        return []
    personal = tuple(sorted(fg.personal_ids))
    vi, en = _labels(fg)
    return [Hit(f"zone:{z.id}", Text(
        vi=f"Vùng {vi.zone(z.id)} ở {vi.country(z.country)} được khai báo trong hồ sơ nhưng sơ đồ "
           f"không cho thấy luồng nào đến đó: dữ liệu cá nhân của kênh ({vi.items(personal)}) "
           "được coi là được chuyển đến vùng này.",
        en=f"Zone {en.zone(z.id)} in {en.country(z.country)} is declared but the drawing shows no "
           f"flow into it: the channel's personal data ({en.items(personal)}) is taken to be sent "
           "there."),
        (), personal) for z in fg.proposal.zones
        if z.country not in (HOME_COUNTRY, UNKNOWN_COUNTRY) and z.id not in reached]


def _store_abroad(fg: FlowGraph) -> list[Hit]:
    hits = []
    ix = index(fg)
    vi, en = _labels(fg)
    for n, kept in ix.stores.items():
        c = ix.country[n]
        personal = ix.personal(kept) if c != HOME_COUNTRY else None
        if not personal:
            continue
        why = _presumed(fg, n, personal)
        if c == UNKNOWN_COUNTRY:
            hits.append(Hit(n, Text(
                vi=f"Dữ liệu cá nhân ({vi.items(personal)}) được lưu tại {vi.node(n)} ở nơi chưa "
                   "rõ: không nguồn công khai nào cho thấy là tại Việt Nam." + why[0],
                en=f"Personal data ({en.items(personal)}) is stored at {en.node(n)} in an unknown "
                   "location: no public source shows it is in Vietnam." + why[1]),
                _rests(ix, n, personal[0]), tuple(personal), certain=False))
            continue
        hits.append(Hit(n, Text(
            vi=f"Dữ liệu cá nhân ({vi.items(personal)}) được lưu tại {vi.node(n)} ở "
               f"{vi.country(c)}, ngoài lãnh thổ Việt Nam." + why[0],
            en=f"Personal data ({en.items(personal)}) is stored at {en.node(n)} in "
               f"{en.country(c)}, outside Vietnam." + why[1]), _rests(ix, n, personal[0]),
            tuple(personal)))
    return hits


def _transfer_abroad(fg: FlowGraph) -> list[Hit]:
    hits = []
    ix = index(fg)
    country = ix.country
    vi, en = _labels(fg)
    for u, v, data in zip(ix.src, ix.dst, ix.data, strict=True):
        c = country[v]
        if c == HOME_COUNTRY or country[u] == c:
            continue
        personal = ix.personal(data)
        if not personal:
            continue
        src = _profiled(fg, u, v)
        if c == UNKNOWN_COUNTRY:
            hits.append(Hit(f"{u}->{v}", Text(
                vi=f"Dữ liệu cá nhân ({vi.items(personal)}) đi qua luồng {vi.node(u)} → "
                   f"{vi.node(v)} đến nơi chưa rõ: không nguồn công khai nào cho thấy là tại Việt "
                   "Nam." + src[0],
                en=f"Personal data ({en.items(personal)}) goes on the flow {en.node(u)} → "
                   f"{en.node(v)} to an unknown location: no public source shows it is in "
                   "Vietnam." + src[1]),
                trace(fg, u, v, personal[0]), tuple(personal), certain=False))
            continue
        hits.append(Hit(f"{u}->{v}", Text(
            vi=f"Dữ liệu cá nhân ({vi.items(personal)}) được chuyển ra nước ngoài "
               f"({vi.country(c)}) qua luồng {vi.node(u)} → {vi.node(v)}." + src[0],
            en=f"Personal data ({en.items(personal)}) is transferred abroad ({en.country(c)}) on "
               f"the flow {en.node(u)} → {en.node(v)}." + src[1]), trace(fg, u, v, personal[0]),
            tuple(personal)))
    # Zones the drawing shows personal data sent into from another country: the others abroad
    # are presumed sent it.
    reached = {ix.zone[v] for u, v, data in zip(ix.src, ix.dst, ix.data, strict=True)
               if country[u] != country[v] and ix.personal(data)}
    return hits + _declared_abroad(fg, reached)


def _unencrypted_boundary(fg: FlowGraph) -> list[Hit]:
    hits = []
    ix = index(fg)
    zone = ix.zone
    vi, en = _labels(fg)
    for u, v, enc, data, capped in zip(ix.src, ix.dst, ix.enc, ix.data, ix.capped, strict=True):
        if enc in ("tls", "e2e") or zone[u] == zone[v]:
            continue
        personal = ix.personal(data)
        if personal:
            how_vi, how_en = (("mà không được mã hóa", "unencrypted") if enc == "none" else
                              ("mà chưa rõ có được mã hóa không", "with its encryption unknown"))
            src = _profiled(fg, u, v) if capped else ("", "")
            hits.append(Hit(f"{u}->{v}", Text(
                vi=f"Dữ liệu cá nhân ({vi.items(personal)}) đi qua ranh giới vùng "
                   f"{vi.zone(zone[u])} → {vi.zone(zone[v])} {how_vi}." + src[0],
                en=f"Personal data ({en.items(personal)}) crosses the zone boundary "
                   f"{en.zone(zone[u])} → {en.zone(zone[v])} {how_en}." + src[1]),
                trace(fg, u, v, personal[0]), tuple(personal), certain=not capped))
    return hits + _undrawn(fg)


def _inbound_services(fg: FlowGraph) -> list[tuple[str, tuple[str, ...]]]:
    """What the province says reaches its systems: each service that does (the default), and
    the data of the inventory no service accounts for (as a service would, by default) — as
    `(element, data)`."""
    p = fg.proposal
    served = {d for s in p.services for d in s.data}
    rest = tuple(sorted(set(fg.classes) - served))
    return [(f"service:{s.id}", tuple(s.data)) for s in p.services
            if s.reaches_province_systems and s.data] + ([("inventory", rest)] if rest else [])


def _crossings(fg: FlowGraph) -> tuple[set[str], set[str]]:
    """Data items drawn flows carry from outside into a government system, and those carried
    between the state's side and anyone else either way (an officer reading or answering in
    the platform's console). Read once per graph: two rules ask."""
    found = cast("tuple[set[str], set[str]] | None", fg.memo.get("crossings"))
    if found is None:
        ix = index(fg)
        trust, kind = ix.trust, ix.kind
        systems: set[str] = set()
        across: set[str] = set()
        for u, v, data in zip(ix.src, ix.dst, ix.data, strict=True):
            inside_u, inside_v = trust[u] == "government", trust[v] == "government"
            if inside_u != inside_v:
                across.update(data)
                if inside_v and kind[v] != "actor":
                    systems.update(data)
        found = (systems, across)
        fg.memo["crossings"] = found
    return found


def _undrawn(fg: FlowGraph) -> list[Hit]:
    """Where the drawing does not show how the channel's data arrives, it arrives at worst.

    The channel's systems receive its personal data (from the services, drawn or not): an item
    no drawn flow brings into the channel's zones arrives over a flow that is not shown, its
    encryption unknown; a service said to reach the province's systems with no drawn flow into
    one arrives there the same way."""
    ix = index(fg)
    zone = ix.zone
    hits = []
    channel = [n for n in fg.proposal.nodes if n.id in fg.receivers]
    ours = {n.zone for n in channel}
    missing: list[str] = []
    if ours:  # arriving from another zone, or from a citizen (whose app may share the zone)
        kind, trust = ix.kind, ix.trust
        arrived = {d for u, v, data in zip(ix.src, ix.dst, ix.data, strict=True)
                   if zone[v] in ours and (zone[u] not in ours or (
                       kind[u] == "actor" and trust[u] == "untrusted")) for d in data}
        missing = sorted(fg.channel - arrived)
    vi, en = _labels(fg)
    if channel and missing:
        names_vi = ", ".join(vi.node(n.id) for n in channel)
        names_en = ", ".join(en.node(n.id) for n in channel)
        hits.append(Hit("undrawn->channel", Text(
            vi=f"Sơ đồ không vẽ luồng nào đưa dữ liệu cá nhân ({vi.items(missing)}) đến hệ thống "
               f"của kênh ({names_vi}): chưa rõ được mã hóa không."
               + _profiled(fg, channel[0].id)[0],
            en=f"The drawing shows no flow bringing personal data ({en.items(missing)}) to the "
               f"channel's systems ({names_en}): its encryption is unknown."
               + _profiled(fg, channel[0].id)[1]), (channel[0].id,), tuple(missing)))
    systems, officers = _crossings(fg)
    console = [(f"service:{s.id}", tuple(s.data)) for s in fg.proposal.services
               if not s.reaches_province_systems and s.data]
    for (element, data), seen in [*((x, systems) for x in _inbound_services(fg)),
                                  *((x, officers) for x in console)]:
        personal = ix.personal(data)
        if element == "inventory":
            # Items no service accounts for go their own ways, not a service's together: each
            # must be shown crossing to or from the state's side somewhere.
            personal = [d for d in personal if d not in officers]
        elif seen & set(data):
            continue
        if personal:
            hits.append(Hit(f"{element}->undrawn", Text(
                vi=f"{vi.element(element)} đưa dữ liệu cá nhân ({vi.items(personal)}) đến cơ quan "
                   "nhà nước nhưng sơ đồ không vẽ luồng đó: chưa rõ được mã hóa không.",
                en=f"{en.element(element)} brings personal data ({en.items(personal)}) to the "
                   "state's side but the drawing shows no such flow: its encryption is unknown."),
                (), tuple(personal)))
    return hits


def _outside(ix: Index, n: str) -> bool:
    """Run by someone other than the state or the citizen: a third party, or an untrusted system
    that is not the citizen's own device (relabelling a platform 'untrusted' hides nothing)."""
    t = ix.trust[n]
    return t == "third-party" or (t == "untrusted" and ix.kind[n] != "actor")


def _e2e_ends_at(ix: Index, v: str, sensitive: list[str]) -> list[str]:
    """Sensitive items whose end-to-end channel terminates at node v.

    End-to-end encryption only keeps data from the hops *between* the ends: when the item goes
    no further than v (and v does not keep it, a finding of its own), v decrypts it.
    """
    kept = ix.stores.get(v, ())
    return [d for d in sensitive if v in ix.spread(d).ends and d not in kept]


def _sensitive_edge(fg: FlowGraph, u: str, v: str, sensitive: list[str], e2e: bool) -> Hit:
    ix = index(fg)
    op = ", ".join(dict.fromkeys(ix.operator[n] for n in (u, v) if _outside(ix, n)))
    vi, en = _labels(fg)
    if e2e:
        text = Text(
            vi=f"Mã hóa đầu-cuối của dữ liệu cá nhân nhạy cảm ({vi.items(sensitive)}) kết thúc "
               f"tại hệ thống của {op} ({vi.node(v)}), nơi dữ liệu được giải mã.",
            en=f"End-to-end encryption of sensitive personal data ({en.items(sensitive)}) ends "
               f"at {op}'s system {en.node(v)}, where it is decrypted.")
    else:
        text = Text(
            vi=f"Dữ liệu cá nhân nhạy cảm ({vi.items(sensitive)}) đi qua hệ thống của {op} "
               f"({vi.node(u)} → {vi.node(v)}) mà không được mã hóa đầu-cuối.",
            en=f"Sensitive personal data ({en.items(sensitive)}) passes through {op}'s systems "
               f"({en.node(u)} → {en.node(v)}) without end-to-end encryption.")
    src = _profiled(fg, u, v)
    text = Text(vi=text.vi + src[0], en=text.en + src[1])
    return Hit(f"{u}->{v}", text, trace(fg, u, v, sensitive[0]), tuple(sensitive))


def _sensitive_flows(fg: FlowGraph) -> list[Hit]:
    """Flows that let a third party read sensitive data: not end-to-end encrypted and touching
    it, or end-to-end encrypted but ending at it."""
    hits = []
    ix = index(fg)
    for u, v, enc, data in zip(ix.src, ix.dst, ix.enc, ix.data, strict=True):
        e2e = enc == "e2e"
        if not _outside(ix, v) and (e2e or not _outside(ix, u)):
            continue
        sensitive = ix.sensitive(data)
        if sensitive and e2e:
            sensitive = _e2e_ends_at(ix, v, sensitive)
        if sensitive:
            hits.append(_sensitive_edge(fg, u, v, sensitive, e2e))
    return hits


def _sensitive_without_e2e(fg: FlowGraph) -> list[Hit]:
    hits = _sensitive_flows(fg)
    ix = index(fg)
    for n, kept in ix.stores.items():
        sensitive = ix.sensitive(kept) if _outside(ix, n) else None
        if sensitive:
            op = ix.operator[n]
            why = _presumed(fg, n, sensitive)
            vi, en = _labels(fg)
            hits.append(Hit(n, Text(
                vi=f"Dữ liệu cá nhân nhạy cảm ({vi.items(sensitive)}) được lưu tại {vi.node(n)} "
                   f"do {op} vận hành." + why[0],
                en=f"Sensitive personal data ({en.items(sensitive)}) rests at {en.node(n)}, run "
                   f"by {op}." + why[1]), _rests(ix, n, sensitive[0]), tuple(sensitive)))
    return hits


def _not_encrypted_at_rest(fg: FlowGraph) -> list[Hit]:
    hits = []
    ix = index(fg)
    for n, kept in ix.stores.items():
        state = ix.at_rest[n] or "unknown"
        personal = ix.personal(kept) if state != "yes" else None
        if personal:
            vi_state, en_state = ("không", "no") if state == "no" else ("chưa rõ", "unknown")
            why = _presumed(fg, n, personal)
            vi, en = _labels(fg)
            hits.append(Hit(n, Text(
                vi=f"{vi.node(n)} lưu dữ liệu cá nhân ({vi.items(personal)}); mã hóa khi lưu "
                   f"trữ: {vi_state}." + why[0],
                en=f"{en.node(n)} holds personal data ({en.items(personal)}); encrypted at "
                   f"rest: {en_state}." + why[1]), _rests(ix, n, personal[0]), tuple(personal),
                certain=not (state == "unknown" and _profile_unknown(fg, n, "at_rest"))))
    return hits


def _no_retention(fg: FlowGraph) -> list[Hit]:
    hits = []
    ix = index(fg)
    for n, kept in ix.stores.items():
        personal = ix.personal(kept) if ix.retention[n] is None else None
        if personal:
            why = _presumed(fg, n, personal)
            vi, en = _labels(fg)
            unknown = n not in fg.from_profile or _profile_unknown(fg, n, "retention")
            how_vi, how_en = (
                ("chưa rõ (chưa khai báo, hoặc khai báo chưa có bằng chứng)",
                 "unknown (not declared, or declared without evidence)") if unknown else
                ("không có — dữ liệu được lưu đến khi có người xóa",
                 "none — the data is kept until someone deletes it"))
            hits.append(Hit(n, Text(
                vi=f"{vi.node(n)} lưu dữ liệu cá nhân ({vi.items(personal)}); thời hạn lưu trữ: "
                   f"{how_vi}." + why[0],
                en=f"{en.node(n)} holds personal data ({en.items(personal)}); retention period: "
                   f"{how_en}." + why[1]),
                _rests(ix, n, personal[0]),
                tuple(personal), certain=not _profile_unknown(fg, n, "retention")))
    return hits


def _unauthenticated_inbound(fg: FlowGraph) -> list[Hit]:
    hits = []
    ix = index(fg)
    trust = ix.trust
    vi, en = _labels(fg)
    for u, v, auth, data in zip(ix.src, ix.dst, ix.auth, ix.data, strict=True):
        t = trust[u]  # into a government *system*: an officer reading a console is no interface
        if auth or trust[v] != "government" or t not in _TRUST_OUTSIDE or ix.kind[v] == "actor":
            continue
        hits.append(Hit(f"{u}->{v}", Text(
            vi=f"Luồng từ vùng {tr('trust.' + t, 'vi')} {vi.node(u)} vào hệ thống nhà nước "
               f"{vi.node(v)} không được xác thực.",
            en=f"The flow from {tr('trust.' + t, 'en')} {en.node(u)} into government system "
               f"{en.node(v)} is not authenticated."), trace(fg, u, v, data[0]), data))
    drawn = _crossings(fg)[0]
    for element, data in _inbound_services(fg):
        if not drawn & set(data):
            hits.append(Hit(f"{element}->undrawn", Text(
                vi=f"{vi.element(element)} đưa dữ liệu vào hệ thống của đơn vị đề xuất nhưng sơ đồ "
                   "không vẽ luồng đó: chưa rõ bên gửi có được xác thực không.",
                en=f"{en.element(element)} brings data into the submitter's systems but the "
                   "drawing shows no such flow: whether the sender is authenticated is unknown."),
                (), data))
    return hits


def _unused_data(fg: FlowGraph) -> list[Hit]:
    """The one rule whose hits have an empty path: an unused item is nowhere in the graph."""
    used = fg.used  # drawn or declared: what the engine presumes is no use of the province's
    return [Hit(d.id, Text(
        vi=f"Dữ liệu “{d.name.vi}” được khai báo nhưng không có luồng hay kho nào sử dụng.",
        en=f"Data item “{d.name.en}” is declared but no flow or store uses it."), (), (d.id,))
        for d in fg.proposal.data if d.id not in used]


def _farthest(ix: Index, data: list[str]) -> tuple[str, ...]:
    """Where the service's data goes: the path to the last node its first item reaches."""
    for d in data:
        sp = ix.spread(d)
        if sp.parent:
            return sp.path(next(reversed(sp.parent)))
    return ()


def _reaches_government(ix: Index, data: str) -> bool:
    trust = ix.trust
    return any(trust[n] == "government" for n in ix.spread(data).parent)


def _service_off_government(fg: FlowGraph) -> list[Hit]:
    ix = index(fg)
    return [Hit(s.id, Text(
        vi=f"Dữ liệu của dịch vụ “{s.name.vi}” không đến hệ thống nào của cơ quan nhà nước.",
        en=f"The data of service “{s.name.en}” never reaches a government system."),
        _farthest(ix, s.data), tuple(s.data))
        for s in fg.proposal.services
        if s.data and not any(_reaches_government(ix, d) for d in s.data)]


def _channel_systems(fg: FlowGraph) -> list[str]:
    """The channel's systems (`FlowGraph.receivers`), in the drawing's order."""
    return [n.id for n in fg.proposal.nodes if n.id in fg.receivers]


def _named(labels: _Labels, nodes: list[str]) -> str:
    return ", ".join(labels.node(n) for n in nodes)


def _exclusive_channel(fg: FlowGraph) -> list[Hit]:
    """The channel declared the only way to the service: the portal is the official channel for
    online public services, a social network an additional one only. Read from the channel's
    `exclusive`, a declaration no drawing can change."""
    ch = fg.proposal.channel
    if not ch.exclusive:
        return []
    systems = _channel_systems(fg)
    return [Hit("channel", Text(
        vi=f"Kênh “{ch.name.get('vi')}” được khai báo là cách duy nhất để người dân sử dụng dịch vụ, "
           "trong khi kênh chính thức cung cấp dịch vụ công trực tuyến là cổng thông tin điện tử "
           "của cơ quan và mạng xã hội chỉ là kênh bổ sung. Hãy cung cấp dịch vụ trên Cổng dịch "
           "vụ công; dùng kênh này để thông báo và dẫn đường đến Cổng.",
        en=f"The channel “{ch.name.get('en')}” is declared the only way for citizens to get the "
           "service, while the official channel for online public services is the body's web "
           "portal and a social network is an additional channel only. Put the service on the "
           "public-service portal; use this channel to notify citizens and link to the portal."),
        _to_channel(fg, systems))]


def _to_channel(fg: FlowGraph, systems: list[str]) -> tuple[str, ...]:
    """How citizens reach the channel: the path of the first item of the channel's data the
    drawing brings to one of its systems; just that system where none does."""
    if not systems:
        return ()
    ix = index(fg)
    for d in sorted(fg.channel):
        reached = ix.spread(d).parent
        for n in systems:
            if reached.get(n) is not None:
                return ix.spread(d).path(n)
    return (systems[0],)


_ID_TODO = (" Không yêu cầu người dân gửi ảnh giấy tờ tùy thân qua kênh: tiếp nhận trên Cổng dịch "
            "vụ công, chỉ dùng kênh để thông báo và dẫn đường.",
            " Do not ask citizens to send images of identity documents through the channel: take "
            "them on the public-service portal, and use the channel only to notify and link.")
"""What every G-ID-IMAGE hit says to do (vi, en)."""


def _id_images_shown(fg: FlowGraph, tagged: list[str]) -> dict[str, list[str]]:
    """Per tagged item, the systems outside the state's (`_outside`) the drawing shows it at:
    a flow carrying it into or out of them, or a store declaring it; in the order the item
    reaches them. One pass over the flows, taken only when the inventory tags an item."""
    ix = index(fg)
    wanted = set(tagged)
    at: dict[str, set[str]] = {}
    for u, v, data in zip(ix.src, ix.dst, ix.data, strict=True):
        for d in data:
            if d in wanted:
                for n in (u, v):
                    if _outside(ix, n):
                        at.setdefault(d, set()).add(n)
    for n, kept in ix.stores.items():
        presumed = ix.presumed.get(n, ())
        for d in kept:
            if d in wanted and d not in presumed and _outside(ix, n):
                at.setdefault(d, set()).add(n)
    return {d: [n for n in ix.spread(d).parent if n in nodes] or sorted(nodes)
            for d, nodes in at.items()}


def _id_images(fg: FlowGraph) -> list[Hit]:
    """Images of identity documents through the channel (Law 91/2025 Art. 29: social networks
    may not demand them): an item tagged `identity-document-image` that the drawing shows at a
    system outside the state's — the platform, its stores, a bot; and, where the drawing shows
    it at none, one the channel is given by what the province declares (a service using it, or
    the inventory the channel carries): what is not drawn goes through the channel at worst."""
    tagged = [d.id for d in fg.proposal.data if ID_IMAGE in d.tags]
    if not tagged:
        return []
    shown = _id_images_shown(fg, tagged)
    ix = index(fg)
    vi, en = _labels(fg)
    hits = []
    for d in tagged:
        nodes = shown.get(d)
        if not nodes:
            continue
        src = _profiled(fg, *nodes)
        hits.append(Hit(f"data:{d}", Text(
            vi=f"Hình ảnh giấy tờ tùy thân ({vi.items([d])}) được hệ thống ngoài cơ quan nhà nước "
               f"nhận hoặc lưu giữ: {_named(vi, nodes)}." + src[0] + _ID_TODO[0],
            en=f"Images of identity documents ({en.items([d])}) are received or kept by systems "
               f"outside the state's: {_named(en, nodes)}." + src[1] + _ID_TODO[1]),
            ix.spread(d).path(nodes[0]), (d,)))
    unshown = [d for d in tagged if d not in shown and d in fg.channel]
    if not unshown:
        return hits
    systems = _channel_systems(fg)
    ours_vi = "hệ thống của kênh" + (f" ({_named(vi, systems)})" if systems else "")
    ours_en = "the channel's systems" + (f" ({_named(en, systems)})" if systems else "")
    served: set[str] = set()
    for s in fg.proposal.services:
        items = [d for d in unshown if d in s.data]
        served.update(items)
        if items:
            hits.append(Hit(f"service:{s.id}->undrawn", Text(
                vi=f"Dịch vụ {vi.element('service:' + s.id)} dùng hình ảnh giấy tờ tùy thân "
                   f"({vi.items(items)}) nhưng sơ đồ không cho thấy dữ liệu đó đi qua kênh: "
                   f"người dân dùng dịch vụ qua kênh, nên coi như {ours_vi} nhận dữ liệu này."
                   + _ID_TODO[0],
                en=f"Service {en.element('service:' + s.id)} uses images of identity documents "
                   f"({en.items(items)}) but the drawing does not show them going through the "
                   f"channel: citizens use the service through the channel, so {ours_en} are "
                   "taken to receive them." + _ID_TODO[1]), (), tuple(items)))
    rest = [d for d in unshown if d not in served]
    if rest:
        hits.append(Hit("inventory->undrawn", Text(
            vi=f"Danh mục dữ liệu có hình ảnh giấy tờ tùy thân ({vi.items(rest)}) mà không dịch vụ "
               "nào dùng và sơ đồ không cho thấy đi qua kênh: những gì hồ sơ giao cho kênh được "
               f"coi là đi qua {ours_vi}." + _ID_TODO[0],
            en=f"The data inventory lists images of identity documents ({en.items(rest)}) that no "
               "service uses and the drawing does not show going through the channel: what the "
               f"proposal gives the channel is taken to go through {ours_en}." + _ID_TODO[1]),
            (), tuple(rest)))
    return hits


BUILTIN: tuple[Rule, ...] = (
    Rule("G-RES-STORE", Text(vi="Dữ liệu cá nhân lưu trữ ngoài Việt Nam hoặc ở nơi chưa rõ",
                             en="Personal data stored outside Vietnam or where unknown"),
         Severity.critical, _store_abroad),
    Rule("G-RES-XFER", Text(vi="Chuyển dữ liệu cá nhân ra nước ngoài",
                            en="Cross-border transfer of personal data"),
         Severity.high, _transfer_abroad),
    Rule("G-ENC-BOUNDARY", Text(vi="Dữ liệu cá nhân qua ranh giới vùng không mã hóa",
                                en="Personal data crosses a zone boundary unencrypted"),
         Severity.critical, _unencrypted_boundary),
    Rule("G-E2E-SENSITIVE", Text(vi="Dữ liệu nhạy cảm qua bên thứ ba không mã hóa đầu-cuối",
                                 en="Sensitive data through a third party without end-to-end "
                                    "encryption"),
         Severity.critical, _sensitive_without_e2e),
    Rule("G-REST-ENC", Text(vi="Kho dữ liệu cá nhân không mã hóa khi lưu trữ",
                            en="Personal datastore not encrypted at rest"),
         Severity.high, _not_encrypted_at_rest),
    Rule("G-RETENTION", Text(vi="Kho dữ liệu cá nhân chưa có thời hạn lưu trữ xác định",
                             en="Personal datastore without a known retention period"),
         Severity.medium, _no_retention),
    Rule("G-AUTH-INBOUND", Text(vi="Luồng vào hệ thống nhà nước không xác thực",
                                en="Unauthenticated flow into a government system"),
         Severity.high, _unauthenticated_inbound),
    Rule("G-CHANNEL-EXCLUSIVE", Text(vi="Kênh là cách duy nhất để sử dụng dịch vụ",
                                     en="The channel is the only way to get the service"),
         Severity.critical, _exclusive_channel, vetted=False),
    Rule("G-ID-IMAGE", Text(vi="Ảnh giấy tờ tùy thân qua kênh của bên thứ ba",
                            en="Images of identity documents through a third-party channel"),
         Severity.critical, _id_images, vetted=False),
    Rule("G-INV-UNUSED", Text(vi="Dữ liệu khai báo nhưng không sử dụng",
                              en="Declared data that nothing uses"),
         Severity.low, _unused_data, decides=False),
    Rule("G-INV-SERVICE", Text(vi="Dịch vụ có dữ liệu không đến hệ thống nhà nước",
                               en="Service whose data never reaches a government system"),
         Severity.low, _service_off_government, decides=False),
)
"""Every built-in rule, in the order they run and are documented."""
