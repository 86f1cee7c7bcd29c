"""The built-in graph rules. Each walks the graph once (linear in flows and nodes).

Rule ids are referenced by checklists (`rule:`) and are stable forever; a finding's id is
`RULE@element`, where element is a node id or a flow `from->to`. Every hit carries the path the
data took to the offending flow or store (from where it originates, see `assess.exposure`), so a
reviewer sees how it got there, not only where it is.
"""

from __future__ import annotations

from assess.exposure import reach
from assess.graph import HOME_COUNTRY, FlowGraph
from assess.models import Severity, Text
from assess.rules import Hit, Rule, register

_TRUST_VI = {"government": "nhà nước", "third-party": "bên thứ ba", "untrusted": "không tin cậy"}
_TRUST_EN = {"government": "government", "third-party": "third-party", "untrusted": "untrusted"}


def _names(items: list[str] | tuple[str, ...]) -> str:
    return ", ".join(items)


def trace(fg: FlowGraph, u: str, v: str, data: str) -> tuple[str, ...]:
    """The path `data` took to reach the flow u→v: from its origin to u, then v."""
    return (*reach(fg).spread(data).path(u), v)


def _rests(fg: FlowGraph, n: str, data: str) -> tuple[str, ...]:
    """The path `data` took to the node that keeps it."""
    return reach(fg).spread(data).path(n)


def _store_abroad(fg: FlowGraph) -> list[Hit]:
    hits = []
    for n, a in fg.g.nodes(data=True):
        personal = fg.personal(a["stores"])
        if personal and a["country"] != HOME_COUNTRY:
            hits.append(Hit(n, Text(
                vi=f"Dữ liệu cá nhân ({_names(personal)}) được lưu tại '{n}' ở {a['country']}, "
                   "ngoài lãnh thổ Việt Nam.",
                en=f"Personal data ({_names(personal)}) is stored at '{n}' in {a['country']}, "
                   "outside Vietnam."), _rests(fg, n, personal[0]), tuple(personal)))
    return hits


def _transfer_abroad(fg: FlowGraph) -> list[Hit]:
    hits = []
    nodes = fg.g.nodes
    for u, v, a in fg.g.edges(data=True):
        c = nodes[v]["country"]
        if c == HOME_COUNTRY or nodes[u]["country"] == c:
            continue
        personal = fg.personal(a["data"])
        if personal:
            hits.append(Hit(f"{u}->{v}", Text(
                vi=f"Dữ liệu cá nhân ({_names(personal)}) được chuyển ra nước ngoài ({c}) "
                   f"qua luồng {u} → {v}.",
                en=f"Personal data ({_names(personal)}) is transferred abroad ({c}) on the flow "
                   f"{u} → {v}."), trace(fg, u, v, personal[0]), tuple(personal)))
    return hits


def _unencrypted_boundary(fg: FlowGraph) -> list[Hit]:
    hits = []
    nodes = fg.g.nodes
    for u, v, a in fg.g.edges(data=True):
        if a["encryption"] != "none" or nodes[u]["zone"] == nodes[v]["zone"]:
            continue
        personal = fg.personal(a["data"])
        if personal:
            hits.append(Hit(f"{u}->{v}", Text(
                vi=f"Dữ liệu cá nhân ({_names(personal)}) đi qua ranh giới vùng "
                   f"{nodes[u]['zone']} → {nodes[v]['zone']} mà không được mã hóa.",
                en=f"Personal data ({_names(personal)}) crosses the zone boundary "
                   f"{nodes[u]['zone']} → {nodes[v]['zone']} unencrypted."),
                trace(fg, u, v, personal[0]), tuple(personal)))
    return hits


def _operators(fg: FlowGraph, *ns: str) -> str:
    ops = dict.fromkeys(fg.g.nodes[n]["operator"] for n in ns)
    return ", ".join(ops)


def _e2e_ends_at_third_party(fg: FlowGraph, v: str, sensitive: list[str]) -> list[str]:
    """Sensitive items whose end-to-end channel terminates at the third-party node v.

    End-to-end encryption only keeps data from the hops *between* the ends: when the item goes
    no further than v (and v does not keep it, a finding of its own), v decrypts it.
    """
    r = reach(fg)
    stored = fg.g.nodes[v]["stores"]
    return [d for d in sensitive if v in r.spread(d).ends and d not in stored]


def _sensitive_edge(fg: FlowGraph, u: str, v: str, sensitive: list[str], e2e: bool) -> Hit:
    op = _operators(fg, *(n for n in (u, v) if fg.g.nodes[n]["trust"] == "third-party"))
    if e2e:
        text = Text(
            vi=f"Mã hóa đầu-cuối của dữ liệu cá nhân nhạy cảm ({_names(sensitive)}) kết thúc "
               f"tại hệ thống của {op} ('{v}'), nơi dữ liệu được giải mã.",
            en=f"End-to-end encryption of sensitive personal data ({_names(sensitive)}) ends at "
               f"{op}'s system '{v}', where it is decrypted.")
    else:
        text = Text(
            vi=f"Dữ liệu cá nhân nhạy cảm ({_names(sensitive)}) đi qua hệ thống của {op} "
               f"({u} → {v}) mà không được mã hóa đầu-cuối.",
            en=f"Sensitive personal data ({_names(sensitive)}) passes through {op}'s systems "
               f"({u} → {v}) without end-to-end encryption.")
    return Hit(f"{u}->{v}", text, trace(fg, u, v, sensitive[0]), tuple(sensitive))


def _sensitive_without_e2e(fg: FlowGraph) -> list[Hit]:
    hits = []
    nodes = fg.g.nodes
    for u, v, a in fg.g.edges(data=True):
        sensitive = fg.sensitive(a["data"])
        if not sensitive:
            continue
        e2e = a["encryption"] == "e2e"
        if e2e and nodes[v]["trust"] == "third-party":
            sensitive = _e2e_ends_at_third_party(fg, v, sensitive)
        elif e2e or "third-party" not in (nodes[u]["trust"], nodes[v]["trust"]):
            continue
        if sensitive:
            hits.append(_sensitive_edge(fg, u, v, sensitive, e2e))
    for n, a in nodes(data=True):
        sensitive = fg.sensitive(a["stores"])
        if sensitive and a["trust"] == "third-party":
            hits.append(Hit(n, Text(
                vi=f"Dữ liệu cá nhân nhạy cảm ({_names(sensitive)}) được lưu tại '{n}' do "
                   f"{a['operator']} vận hành.",
                en=f"Sensitive personal data ({_names(sensitive)}) rests at '{n}', run by "
                   f"{a['operator']}."), _rests(fg, n, sensitive[0]), tuple(sensitive)))
    return hits


def _not_encrypted_at_rest(fg: FlowGraph) -> list[Hit]:
    hits = []
    for n, a in fg.g.nodes(data=True):
        personal = fg.personal(a["stores"])
        if personal and a["encrypted_at_rest"] != "yes":
            state = a["encrypted_at_rest"] or "unknown"
            vi_state = "không" if state == "no" else "chưa rõ"
            hits.append(Hit(n, Text(
                vi=f"Kho dữ liệu '{n}' lưu dữ liệu cá nhân ({_names(personal)}); mã hóa khi lưu "
                   f"trữ: {vi_state}.",
                en=f"Datastore '{n}' holds personal data ({_names(personal)}); encrypted at "
                   f"rest: {state}."), _rests(fg, n, personal[0]), tuple(personal)))
    return hits


def _no_retention(fg: FlowGraph) -> list[Hit]:
    hits = []
    for n, a in fg.g.nodes(data=True):
        personal = fg.personal(a["stores"])
        if personal and a["retention_days"] is None:
            hits.append(Hit(n, Text(
                vi=f"Kho dữ liệu '{n}' lưu dữ liệu cá nhân ({_names(personal)}) nhưng không "
                   "có thời hạn lưu trữ.",
                en=f"Datastore '{n}' holds personal data ({_names(personal)}) with no "
                   "retention period."), _rests(fg, n, personal[0]), tuple(personal)))
    return hits


def _unauthenticated_inbound(fg: FlowGraph) -> list[Hit]:
    hits = []
    nodes = fg.g.nodes
    for u, v, a in fg.g.edges(data=True):
        trust = nodes[u]["trust"]
        if (not a["authenticated"] and nodes[v]["trust"] == "government"
                and trust in ("third-party", "untrusted")):
            hits.append(Hit(f"{u}->{v}", Text(
                vi=f"Luồng từ vùng {_TRUST_VI[trust]} '{u}' vào hệ thống nhà nước '{v}' không "
                   "được xác thực.",
                en=f"The flow from {_TRUST_EN[trust]} '{u}' into government system '{v}' is "
                   "not authenticated."), trace(fg, u, v, a["data"][0]), tuple(a["data"])))
    return hits


def _unused_data(fg: FlowGraph) -> list[Hit]:
    """The one rule whose hits have an empty path: an unused item is nowhere in the graph."""
    used = {d for _, _, a in fg.g.edges(data=True) for d in a["data"]}
    used.update(d for _, a in fg.g.nodes(data=True) for d in a["stores"])
    return [Hit(d.id, Text(
        vi=f"Dữ liệu '{d.id}' được khai báo nhưng không có luồng hay kho nào sử dụng.",
        en=f"Data item '{d.id}' is declared but no flow or store uses it."), (), (d.id,))
        for d in fg.proposal.data if d.id not in used]


def _farthest(fg: FlowGraph, data: list[str]) -> tuple[str, ...]:
    """Where the service's data goes: the path to the last node its first item reaches."""
    r = reach(fg)
    for d in data:
        sp = r.spread(d)
        if sp.parent:
            return sp.path(next(reversed(sp.parent)))
    return ()


def _service_off_government(fg: FlowGraph) -> list[Hit]:
    touched: set[str] = set()
    nodes = fg.g.nodes
    for u, v, a in fg.g.edges(data=True):
        if nodes[u]["trust"] == "government" or nodes[v]["trust"] == "government":
            touched.update(a["data"])
    for _, a in nodes(data=True):
        if a["trust"] == "government":
            touched.update(a["stores"])
    return [Hit(s.id, Text(
        vi=f"Dữ liệu của dịch vụ '{s.id}' không đến hệ thống nào của cơ quan nhà nước.",
        en=f"The data of service '{s.id}' never reaches a government system."),
        _farthest(fg, s.data), tuple(s.data))
        for s in fg.proposal.services if s.data and not touched & set(s.data)]


for _rule in (
    Rule("G-RES-STORE", Text(vi="Dữ liệu cá nhân lưu trữ ngoài Việt Nam",
                             en="Personal data stored outside Vietnam"),
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
    Rule("G-RETENTION", Text(vi="Kho dữ liệu cá nhân không có thời hạn lưu trữ",
                             en="Personal datastore without a retention period"),
         Severity.medium, _no_retention),
    Rule("G-AUTH-INBOUND", Text(vi="Luồng vào hệ thống nhà nước không xác thực",
                                en="Unauthenticated flow into a government system"),
         Severity.high, _unauthenticated_inbound),
    Rule("G-INV-UNUSED", Text(vi="Dữ liệu khai báo nhưng không sử dụng",
                              en="Declared data that nothing uses"),
         Severity.low, _unused_data, decides=False),
    Rule("G-INV-SERVICE", Text(vi="Dịch vụ có dữ liệu không đến hệ thống nhà nước",
                               en="Service whose data never reaches a government system"),
         Severity.low, _service_off_government, decides=False),
):
    register(_rule)
