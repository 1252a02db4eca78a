"""HTML → text for pages given as markup (``decode.decode_input`` calls :func:`looks_like_html`
and :func:`html_to_text`).

Block elements (p, div, br, li, tr, h1–h6, …) become line breaks, paragraphs are separated by a
blank line, table cells of a row are kept apart by a space, ``script``/``style``/``nav``/``noscript``/``template``/``svg``/``head`` content is
dropped (``<title>`` is kept as the first line), entities are unescaped and runs of spaces inside
a line collapse to one. Stdlib ``html.parser`` only: it never raises on broken markup and is
linear in the input.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import List

_SKIP = frozenset({"script", "style", "nav", "noscript", "template", "svg", "head", "iframe", "object", "select", "button"})
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "header", "footer", "aside", "blockquote", "pre", "dl", "dt", "dd", "hr",
    "form", "fieldset", "figure", "figcaption", "main", "center", "address", "caption", "title",
})
_PARA = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "section", "article", "title"})
_CELL = frozenset({"td", "th"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr"})

_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<(?:p|div|br|span|table|td|li|h[1-6])(?:\s[^<>]{0,200})?/?>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when the first 4 KB hold a document-level tag or at least two block/inline tags."""
    head = text[:4096]
    if "<" not in head:
        return False
    hits = 0
    for m in _HTML_SNIFF.finditer(head):
        tag = m.group().lower()
        if tag.startswith(("<!doctype", "<html", "<head", "<body")):
            return True
        hits += 1
        if hits >= 2:
            return True
    return False


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: List[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title: List[str] = []

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "title":
            self.in_title = True
            return
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
            return
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag in _PARA else "\n")
        elif tag in _CELL:  # cells of a row stay on one line, apart
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag.lower() in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag == "title":
            self.in_title = False
            return
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag in _PARA else "\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANKS = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """Reduce HTML to text with paragraph breaks (see the module doc)."""
    p = _Reducer()
    try:
        p.feed(markup)
        p.close()
    except Exception:  # html.parser is lenient; keep whatever was read if it still gives up
        pass
    body = "".join(p.parts)
    lines = []
    for line in body.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        lines.append(line)
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
    title = _SPACES.sub(" ", "".join(p.title)).strip()
    if title and not text.startswith(title):
        text = title + "\n\n" + text if text else title
    return text
