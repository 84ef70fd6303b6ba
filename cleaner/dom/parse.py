"""Parse HTML once, safely: lxml with no network and no entity expansion, inside size, depth and node limits.

lxml (libxml2) silently stops at nesting depth 256 and drops the rest of the page,
so a page with 300 unclosed ``<font>`` tags would lose its later paragraphs. When
the parser reports that limit, the markup is re-scanned once and tags past
``FLATTEN_DEPTH`` are removed (block tags become ``<br>``), keeping all the text.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from cleaner.config import Config
from cleaner.errors import InputError, LimitExceeded

logger = logging.getLogger(__name__)

LIBXML_MAX_DEPTH = 256
"""libxml2 stops building the tree past this nesting depth (without XML_PARSE_HUGE)."""
FLATTEN_DEPTH = 200
"""Tags opened deeper than this are dropped when a page hits the parser's depth limit."""

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
RAW_TEXT_TAGS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "plaintext"}
)
IMPLIED_END_TAGS = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th"})
BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption"}
    | {"figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"}
    | {"p", "pre", "section", "table", "td", "th", "tr", "ul"}
)

_TAG_START_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})")
_XML_DECL_RE = re.compile(r"\A\s*<\?xml[^>]{0,500}\?>")
_NOT_XML_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NON_XML_CHARS = (
    {c: " " for c in (*range(1, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}
    | {c: "\ufffd" for c in (0, *range(0xD800, 0xE000))}
    | {0xFFFE: None, 0xFFFF: None}
)
"""What the XML text model can't hold: C0 controls become spaces, NUL and lone surrogates U+FFFD."""
_local = threading.local()
_HTML_CLASS_LOOKUP = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """A parsed page: the root element and what the parser had to work around."""

    root: HtmlElement
    nodes: int
    warnings: tuple[str, ...] = ()


def _parser(huge: bool) -> lxml.html.HTMLParser:
    """One parser per thread and mode: parsers keep an error log and are not thread-safe."""
    key = "huge" if huge else "normal"
    parser: lxml.html.HTMLParser | None = getattr(_local, key, None)
    if parser is None:
        parser = lxml.html.HTMLParser(
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            huge_tree=huge,
            collect_ids=False,
            default_doctype=False,
        )
        # lxml.html's default class lookup is a Python method called for every element proxy the
        # tree walks create (in cleaner and in trafilatura alike); the C-level default lookup
        # gives the same HtmlElement class without that call (about a tenth of the HTML path's time)
        parser.set_element_class_lookup(_HTML_CLASS_LOOKUP)
        setattr(_local, key, parser)
    return parser


def _raw_text_end(text: str, name: str, start: int) -> int:
    """Index just past the closing tag of a raw-text element (script, style, ...), or the end of text."""
    m = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, start)
    return m.end() if m else len(text)


def flatten_deep_tags(text: str, max_depth: int = FLATTEN_DEPTH) -> tuple[str, int]:
    """Remove tags nested deeper than ``max_depth``; return the new markup and how many tags went.

    A linear scan with a naive open-element stack (void and implied-end tags handled,
    raw-text elements skipped). Removed block tags become ``<br>`` so paragraphs stay apart.
    """
    out: list[str] = []
    stack: list[str] = []
    open_counts: dict[str, int] = {}
    dropped: dict[str, int] = {}
    removed = 0
    just_broke = False
    last = pos = 0
    gt = -1
    n = len(text)
    while pos < n:
        lt = text.find("<", pos)
        if lt < 0:
            break
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        m = _TAG_START_RE.match(text, lt)
        if m is None:
            pos = lt + 1
            continue
        if gt < m.end():
            gt = text.find(">", m.end())
            if gt < 0:
                break
        closing, name, tag_end = m.group(1) == "/", m.group(2).lower(), gt + 1
        pos = tag_end
        drop = False
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                drop = True
            elif open_counts.get(name):
                while stack:
                    top = stack.pop()
                    open_counts[top] -= 1
                    if top == name:
                        break
        elif name in RAW_TEXT_TAGS:
            pos = _raw_text_end(text, name, tag_end)
        elif name not in VOID_TAGS:
            if name in IMPLIED_END_TAGS and stack and stack[-1] == name:
                open_counts[stack.pop()] -= 1
            if len(stack) >= max_depth:
                dropped[name] = dropped.get(name, 0) + 1
                drop = True
            else:
                stack.append(name)
                open_counts[name] = open_counts.get(name, 0) + 1
        if drop:
            removed += 1
            gap = text[last:lt]
            out.append(gap)
            if gap.strip():
                just_broke = False
            # One <br> per run of dropped block tags: 100,000 nested <div> must not become 100,000 <br>,
            # which made every ancestor's text walk in dom.prune cost O(depth x nodes) (44 s on 1 MB, issue 8).
            if name in BLOCK_TAGS and not closing and not just_broke:
                out.append("<br>")
                just_broke = True
            last = tag_end
    out.append(text[last:])
    return "".join(out), removed


def _resource_errors(parser: lxml.html.HTMLParser) -> list[str]:
    return [e.message for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"]


def _parse_once(text: str, huge: bool) -> tuple[HtmlElement | None, list[str]]:
    parser = _parser(huge)
    try:
        root = lxml.etree.fromstring(text, parser=parser)
    except lxml.etree.XMLSyntaxError:
        return None, _resource_errors(parser)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    return root, _resource_errors(parser)


_COUNT_ELEMENTS = lxml.etree.XPath("count(//*)")


def count_nodes(root: HtmlElement) -> int:
    """Number of elements in the tree (counted by libxml2: no Python object per element)."""
    return int(_COUNT_ELEMENTS(root))


def parse_html(text: str, *, config: Config) -> ParsedPage | None:
    """Parse decoded HTML within the limits of ``config``; None for a page with no markup at all."""
    if len(text) > config.max_input_bytes:
        raise LimitExceeded(f"HTML input of {len(text)} characters is over max_input_bytes={config.max_input_bytes}")
    text = _XML_DECL_RE.sub("", text, count=1)  # lxml refuses str input that declares an encoding
    if _NOT_XML_TEXT.search(text):
        # lxml keeps C0 controls in text nodes, then refuses them when a tree edit re-sets that text
        # (ValueError in drop_tree; found by fuzz/fuzz_html.py, tests/hostile/files/fuzz-html-control-char.html).
        text = text.translate(_NON_XML_CHARS)
    if not text.strip():
        return None
    warnings: list[str] = []
    depth_limit = min(FLATTEN_DEPTH, max(8, config.max_html_depth))
    if config.max_html_depth < LIBXML_MAX_DEPTH:
        text, removed = flatten_deep_tags(text, depth_limit)
        if removed:
            warnings.append(f"html: {removed} tag(s) nested deeper than {depth_limit} removed, text kept")
    root, errors = _parse_once(text, huge=False)
    if any("depth" in e.lower() for e in errors):
        text, removed = flatten_deep_tags(text, depth_limit)
        warnings.append(f"html: {removed} tag(s) nested deeper than {depth_limit} removed, text kept")
        root, errors = _parse_once(text, huge=False)
    if errors:
        # A single text node over libxml2's 10 MB buffer: input size is already bounded above.
        logger.debug("parser resource limit (%s); parsing again with huge_tree", errors[0].strip())
        root, errors = _parse_once(text, huge=True)
        warnings.append("html: parser limit reached (huge text node); parsed in huge-tree mode")
    if root is None:
        return None
    nodes = count_nodes(root)
    if nodes > config.max_html_nodes:
        raise LimitExceeded(f"HTML tree has {nodes} elements, over max_html_nodes={config.max_html_nodes}")
    return ParsedPage(root=root, nodes=nodes, warnings=tuple(warnings))
