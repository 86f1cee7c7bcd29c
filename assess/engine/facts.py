"""Facts: true/false statements about a proposal that decide which controls apply.

Each fact says *why* it holds (the elements that make it true), so a reviewer can see why a
control was applied or left out. Checklists name facts in `applies_if`; lint checks the names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assess.documents.models import Text
from assess.documents.models.platform import UNKNOWN_COUNTRY
from assess.engine.graph import HOME_COUNTRY, FlowGraph


@dataclass(frozen=True, slots=True)
class FactDef:
    name: str
    text: Text
    derive: Callable[[FlowGraph], list[str]]
    """Returns the elements that make the fact true; empty means false."""


@dataclass(frozen=True, slots=True)
class Fact:
    name: str
    value: bool
    because: tuple[str, ...]


# Scope comes from what the province says it does — its services and its data inventory — and
# the drawing can only add to it: leaving a flow or a store undrawn never shrinks the checklist.
# A service on a third-party channel that uses personal data puts that data with the channel's
# operator, which receives, processes and (absent a profile saying otherwise) keeps it.


def _channel_services(fg: FlowGraph) -> list[str]:
    """`service:<id>` for each service that uses personal data: it runs on the channel; with no
    such service, `data:<id>` for each personal item of the inventory (the proposal is for the
    channel, so what it lists is what the channel carries)."""
    return list(fg.scope)


def _personal(fg: FlowGraph) -> list[str]:
    return sorted(fg.personal_ids)


def _sensitive(fg: FlowGraph) -> list[str]:
    return sorted(fg.sensitive_ids)


def _stores_with_third_party(fg: FlowGraph) -> list[str]:
    trust = fg.cols.trust
    return [n for n, kept in fg.cols.stores.items()
            if trust[n] != "government" and fg.personal(kept)] + _channel_services(fg)


def _stores_personal(fg: FlowGraph) -> list[str]:
    return [n for n, kept in fg.cols.stores.items() if fg.personal(kept)] + (
        _channel_services(fg))


def _elsewhere(country: str | None) -> bool:
    """Known to be outside Vietnam. An unknown location (a profile's `ZZ`) is not: where the
    data is then is the residency controls' question, unknown until evidence settles it."""
    return country not in (HOME_COUNTRY, UNKNOWN_COUNTRY)


def _abroad(fg: FlowGraph) -> list[str]:
    c = fg.cols
    country = c.country
    out = [f"{u}->{v}" for u, v, data in zip(c.src, c.dst, c.data, strict=True)
           if _elsewhere(country[v]) and fg.personal(data)]
    out += [n for n, kept in c.stores.items() if _elsewhere(country[n]) and fg.personal(kept)]
    ch = fg.proposal.channel
    if _channel_services(fg):  # declared, not drawn: where the zones are, who runs the channel
        out += [f"zone:{z.id}" for z in fg.proposal.zones if _elsewhere(z.country)]
        if _elsewhere(ch.operator_country):
            out.append(f"channel.operator_country={ch.operator_country}")
    return sorted(set(out))


def _third_party_processes_personal(fg: FlowGraph) -> list[str]:
    trust = fg.cols.trust
    return sorted({v for v, data in zip(fg.cols.dst, fg.cols.data, strict=True)
                   if trust[v] == "third-party" and fg.personal(data)}
                  | set(_stores_with_third_party(fg)))


def _inbound(fg: FlowGraph) -> list[str]:
    trust, kind = fg.cols.trust, fg.cols.kind
    # Into a government *system* (process or datastore): an officer reading the platform's
    # console is not an inbound interface of the province's systems.
    # Declared, not drawn: a service reaching the province's systems (the default), and the
    # data no service accounts for (as a service would, by default).
    declared = [f"service:{s.id}" for s in fg.proposal.services if s.reaches_province_systems]
    served = {d for s in fg.proposal.services for d in s.data}
    declared += [f"data:{d}" for d in sorted(set(fg.classes) - served)]
    return [f"{u}->{v}" for u, v in zip(fg.cols.src, fg.cols.dst, strict=True)
            if trust[u] != "government" and trust[v] == "government"
            and kind[v] in ("process", "datastore")] + declared


def _exclusive(fg: FlowGraph) -> list[str]:
    return ["channel.exclusive"] if fg.proposal.channel.exclusive else []


def _foreign_operator(fg: FlowGraph) -> list[str]:
    c = fg.proposal.channel
    return [f"channel.operator_country={c.operator_country}"] if (
        c.operator_country != HOME_COUNTRY) else []


def _conversational(fg: FlowGraph) -> list[str]:
    c = fg.proposal.channel
    return [f"channel.kind={c.kind}"] if c.kind in ("official-account", "chat-bot",
                                                    "social-page") else []


def _has_services(fg: FlowGraph) -> list[str]:
    return [s.id for s in fg.proposal.services if fg.personal(s.data)]


FACTS: dict[str, FactDef] = {f.name: f for f in (
    FactDef("processes_personal_data",
            Text(vi="Xử lý dữ liệu cá nhân", en="Processes personal data"), _personal),
    FactDef("processes_sensitive_data",
            Text(vi="Xử lý dữ liệu cá nhân nhạy cảm", en="Processes sensitive personal data"),
            _sensitive),
    FactDef("stores_personal_data",
            Text(vi="Lưu trữ dữ liệu cá nhân", en="Stores personal data"), _stores_personal),
    FactDef("stores_personal_data_with_third_party",
            Text(vi="Dữ liệu cá nhân được lưu trữ tại bên thứ ba",
                 en="Personal data is stored with a third party"), _stores_with_third_party),
    FactDef("third_party_processes_personal_data",
            Text(vi="Bên thứ ba tiếp nhận hoặc lưu trữ dữ liệu cá nhân",
                 en="A third party receives or stores personal data"),
            _third_party_processes_personal),
    FactDef("transfers_personal_data_abroad",
            Text(vi="Dữ liệu cá nhân được chuyển hoặc lưu trữ ra nước ngoài",
                 en="Personal data is transferred or stored abroad"), _abroad),
    FactDef("inbound_to_government",
            Text(vi="Có luồng dữ liệu từ vùng ngoài nhà nước vào hệ thống nhà nước",
                 en="Data flows from outside into a government system"), _inbound),
    FactDef("channel_exclusive",
            Text(vi="Kênh là cách duy nhất để người dân sử dụng dịch vụ",
                 en="The channel is the only way to get the service"), _exclusive),
    FactDef("foreign_operator",
            Text(vi="Đơn vị vận hành kênh được thành lập ở nước ngoài",
                 en="The channel's operator is established abroad"), _foreign_operator),
    FactDef("conversational_channel",
            Text(vi="Kênh trò chuyện (tài khoản chính thức, chatbot, trang mạng xã hội)",
                 en="A conversational channel (official account, chat bot, social page)"),
            _conversational),
    FactDef("services_use_personal_data",
            Text(vi="Có dịch vụ công sử dụng dữ liệu cá nhân",
                 en="A public service on the channel uses personal data"), _has_services),
)}


def derive(fg: FlowGraph) -> dict[str, Fact]:
    out = {}
    for name, fd in FACTS.items():
        because = fd.derive(fg)
        out[name] = Fact(name, bool(because), tuple(because))
    return out
