"""HTML → the article's visible text, one block per line.

trafilatura finds the article (measured against the hand-written boilerplate rules on portal-shaped
pages in bench/read_formats.py: it keeps far less of the menus, related links and footers); its
tables come back as tab-separated rows, and the headline, which it treats as metadata, is put
back in front. A page it finds nothing in (a short fragment) goes through the rules below.
Before either parser sees the page, nesting deeper than `max_html_depth` is flattened in one
linear pass (the tags go, their text stays), so a page of 100,000 nested <div>s is read in
linear time instead of hanging the parser."""

from __future__ import annotations

import logging
import re

from vnextract.extractor.read.limits import DEFAULT_LIMITS, Budget, ReadLimits

logging.getLogger("trafilatura").setLevel(logging.ERROR)     # "discarding data" on every page it finds nothing in

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
              "template", "select", "menu"]
_DROP_HINTS = re.compile(r"(?:^|[-_ ])(?:menu|nav|navbar|footer|breadcrumbs?|sidebar|share|social|related|comments?|"
                         r"banner|advert|ads)(?:$|[-_ ])", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote",
               "table", "ul", "ol", "pre", "figcaption", "dd", "dt", "main"}
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)(?:\s[^<>]*?)?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_IMPLIED = {"p", "li", "td", "th", "tr", "option", "dt", "dd", "tbody", "thead", "colgroup"}   # closed without an end tag
_TITLE = re.compile(r"(?:^|[-_ ])(?:title|tieu-?de|tieude|headline|heading)(?:$|[-_ ])", re.IGNORECASE)


def flatten_deep(markup: str, max_depth: int) -> str:
    """`markup` with the tags nested deeper than `max_depth` removed (their text is kept)."""
    out: list[str] = []
    depth, last, cut = 0, 0, 0
    suppressed: list[str] = []
    for m in _TAG.finditer(markup):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing or name in _IMPLIED:
            continue
        if not closing:
            depth += 1
            if depth > max_depth:
                suppressed.append(name)
                out.append(markup[last:m.start()])
                last = m.end()
                cut += 1
        else:
            if depth > max_depth and suppressed:
                suppressed.pop()
                out.append(markup[last:m.start()])
                last = m.end()
            depth = max(0, depth - 1)
    if not cut:
        return markup
    out.append(markup[last:])
    return "".join(out)


def _rules(markup: str) -> str:
    """The hand-written rules: drop scripts, navigation and blocks whose class names say menu,
    footer, related…, then keep <article>, else <main>, else <body>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        hints = " ".join([str(tag.get("id") or ""), *map(str, tag.get("class") or [])])
        if hints.strip() and _DROP_HINTS.search(hints) and tag.name not in ("body", "html", "article", "main"):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in root.find_all(["td", "th"]):
        cell.insert_after("\t")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in root.get_text("").split("\n")]
    return "\n".join(line for line in lines if line)


def _headline(markup: str) -> str | None:
    """The page's headline: its first <h1>, else the first element whose class says title."""
    import lxml.html

    try:
        root = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return None
    for element in root.iter("h1", "h2", "div", "p", "span", "strong"):
        hints = " ".join([element.get("id") or "", element.get("class") or ""])
        if element.tag == "h1" or _TITLE.search(hints):
            text = " ".join(element.text_content().split())
            if 0 < len(text) <= 300:
                return text
    return None


def _table_rows(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
            cells = [c.strip() for c in stripped[1:-1].split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue                                        # a Markdown rule under a header row
            line = "\t".join(c for c in cells if c)
        lines.append(line)
    return "\n".join(line for line in lines if line.strip())


def html_text(markup: str, *, limits: ReadLimits = DEFAULT_LIMITS, budget: Budget | None = None) -> str:
    """The visible article text of an HTML page, one block per line."""
    import trafilatura

    markup = flatten_deep(markup, limits.max_html_depth)
    if budget is not None:
        budget.check("reading the HTML")
    found = trafilatura.extract(markup, include_tables=True, include_comments=False, include_images=False,
                                deduplicate=False, favor_recall=False)
    if budget is not None:
        budget.check("reading the HTML")
    if not found or not found.strip():
        return _rules(markup)
    text = _table_rows(found)
    headline = _headline(markup)
    if headline and headline not in text[: len(headline) + 200]:
        text = f"{headline}\n{text}"
    return text
