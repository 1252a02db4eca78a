"""Referenced documents: 《关于…的通知》（肺炎机制发〔2020〕8号）."""
from __future__ import annotations

from typing import List

import regex

from ..records import Reference
from .common import DocContext
from .header import DOCNUM_RE, doc_type_of, headline

REF_RE = regex.compile(
    r"《(?P<title>[^《》\n]{4,120})》\s?(?:[(（](?P<num>[^()（）\n]{2,40}?[〔\[【]\s?\d{4}\s?[〕\]】]\s?第?\d{1,5}\s?号)[)）])?"
)


def extract_references(ctx: DocContext) -> List[Reference]:
    """Cited documents, each (title, number) once; a web headline "X印发《关于…的意见》" names
    the document itself, not a reference."""
    out = []
    seen = set()
    own = {hm.group("title").strip("《》") for ln in ctx.doc.lines[:3] if (hm := headline(ln.text))}
    own |= {ln.text[1:-1] for ln in ctx.doc.lines[:3] if regex.fullmatch(r"《[^《》]{4,}》", ln.text)}  # 《title》 headline
    for line in ctx.doc.lines:
        for m in REF_RE.finditer(line.text):
            title, num = m.group("title"), m.group("num")
            if not num and not ("关于" in title or doc_type_of(title)):
                continue  # a book, a newspaper, a slogan — not a document
            if num and not DOCNUM_RE.fullmatch(num.replace(" ", "")):
                num = num.strip()
            key = (title, num.replace(" ", "") if num else None)
            if key in seen or (not num and title in own):
                continue
            seen.add(key)
            out.append(Reference(title=title, doc_number=num.replace(" ", "") if num else None,
                                 **ctx.loc(line.start + m.start(), line.start + m.end())))
    return out
