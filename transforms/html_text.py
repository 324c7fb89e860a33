"""Main text of an HTML page: no markup, no scripts, no navigation; entities decoded."""

from __future__ import annotations

from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "header",
                      "aside", "form", "button", "select", "head", "object", "canvas"})
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                     "section", "article", "main", "blockquote", "pre", "figcaption", "dd", "dt", "hr", "title"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
                   "track", "wbr", "param"})


class _MainTextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.chunks: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.in_title = False
        self.in_h1 = False
        self.article_depth = 0
        self.main_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _VOID:
            if tag in _BLOCKS:
                self._newline()
            return
        self.stack.append(tag)
        if tag == "title":
            self.in_title = True
        elif tag in _SKIPPED:
            self.skip_depth += 1
        if tag == "h1":
            self.in_h1 = True
        if tag == "article":
            self.article_depth += 1
        if tag == "main":
            self.main_depth += 1
        if tag in _BLOCKS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag == "title":
                self.in_title = False
            elif open_tag in _SKIPPED:
                self.skip_depth -= 1
            if open_tag == "h1":
                self.in_h1 = False
            if open_tag == "article":
                self.article_depth -= 1
            if open_tag == "main":
                self.main_depth -= 1
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1_parts.append(data)
        self._add(data)

    def _add(self, data: str) -> None:
        self.chunks["body"].append(data)
        if self.article_depth:
            self.chunks["article"].append(data)
        if self.main_depth:
            self.chunks["main"].append(data)

    def _newline(self) -> None:
        self._add("\n")


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, main text) of an HTML document: <article>, else <main>, else the whole body."""
    parser = _MainTextParser()
    parser.feed(html)
    parser.close()
    title = " ".join("".join(parser.h1_parts).split()) or " ".join("".join(parser.title_parts).split()) or None
    for region in ("article", "main", "body"):
        text = "".join(parser.chunks[region])
        if text.strip():
            return title, text
    return title, ""
