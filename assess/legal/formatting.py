"""How a resolved citation is written, in the style of Vietnamese legal drafting: one formatter
for every output (report, terminal, workbook), from the register's fields.
"""

from __future__ import annotations

import re

from assess.core.i18n import Lang
from assess.core.i18n.report import w
from assess.documents.models import LegalBasis

_ARTICLE = re.compile(r"(?P<article>\d+)(?:\s*[–-]\s*(?P<last>\d+))?"
                      r"(?:\((?P<clause>\d+)\))?(?:\((?P<point>[a-zđ])\))?")
_WJ = "\u2060"
"""WORD JOINER: no line break at the slashes and the hyphen of a document number (WeasyPrint
honours it; pdftotext and copy-paste drop it)."""


def unbroken(number: str) -> str:
    """A document number that never breaks across lines: '12/2022/TT-BTTTT' with a word joiner
    after each slash and hyphen."""
    return number.replace("/", "/" + _WJ).replace("-", "-" + _WJ)


def provision(article: str, lang: Lang) -> str:
    """An article reference as the language cites it, from the checklist's '20(6)(a)' form:
    from the smallest unit up in Vietnamese ('điểm a khoản 6 Điều 20'), 'Article 20(6)(a)' in
    English; a range '17–18' is 'Điều 17 và Điều 18' / 'Articles 17–18' ('từ Điều 7 đến Điều 11'
    for more than two). Anything else is printed after 'Điều' / 'Article' as written."""
    m = _ARTICLE.fullmatch(article.strip())
    if m is None:
        return w("article", lang, n=article.strip())
    first, last = m["article"], m["last"]
    if last is not None and not (m["clause"] or m["point"]):
        if lang == "en":
            return w("articles", lang, first=first, last=last)
        key = "articles_two" if int(last) == int(first) + 1 else "articles"
        return w(key, lang, first=first, last=last)
    if lang == "en":
        return w("article", lang, n=article.strip().replace(" ", ""))
    parts = []
    if m["point"]:
        parts.append(w("point", lang, n=m["point"]))
    if m["clause"]:
        parts.append(w("clause", lang, n=m["clause"]))
    parts.append(w("article", lang, n=first if last is None else f"{first}–{last}"))
    return " ".join(parts)


def _number_in(doc: str, number: str) -> bool:
    return number in doc or number.replace("ND", "NĐ") in doc or number.replace("NĐ", "ND") in doc


_KIND = re.compile(r"(?:Nghị định|Nghị quyết|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị)"
                   r"(?= )")
"""Instruments cited by kind and number first ('Nghị định số 356/2025/NĐ-CP quy định …'); a
law is cited by its name, then its number ('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15')."""


def article_text(lb: LegalBasis) -> str | None:
    """The provision as one string, '20(6)(a)': the article with its clause and point."""
    if lb.article is None:
        return None
    return lb.article + (f"({lb.clause})" if lb.clause else "") + (
        f"({lb.point})" if lb.point else "")


def citation_text(lb: LegalBasis, lang: Lang, *, unbreakable: bool = True) -> str:
    """A citation smallest unit first: 'khoản 4 Điều 12 Nghị định … số 356/2025/NĐ-CP: note'; in
    English 'Article 12(4) of the Decree … (No. 356/2025/ND-CP): note'. `unbreakable` keeps the
    number on one line (word joiners, for the PDF); a to-confirm citation is marked by the
    caller, each output in its own way."""
    assert lb.document is not None and lb.number is not None, "resolve citations first"
    keep = unbroken if unbreakable else (lambda n: n)
    doc = lb.document.get(lang)
    number = lb.number if lang == "vi" else lb.number.replace("Đ", "D").replace("đ", "d")
    if _number_in(doc, lb.number):  # the title names it: kept on one line there too
        for written in {lb.number, lb.number.replace("ND", "NĐ"), lb.number.replace("NĐ", "ND")}:
            doc = doc.replace(written, keep(written))
    else:
        numbered = number[:1].isdigit()
        kind = _KIND.match(doc) if lang == "vi" and numbered else None
        if kind is not None and kind.end() < len(doc):  # 'Nghị định số 356/2025/NĐ-CP hướng dẫn …'
            doc = w("doc_kind_numbered", lang, kind=kind.group(0), number=keep(number),
                    rest=doc[kind.end():].strip())
        else:
            doc = w("doc_numbered" if numbered else "doc_coded", lang, doc=doc,
                    number=keep(number))
    article = article_text(lb)
    text = w("cited_in", lang, where=provision(article, lang), doc=doc) if article else doc
    if lb.note:
        text += ": " + lb.note.get(lang)
    return text


__all__ = ["article_text", "citation_text", "provision", "unbroken"]
