"""Pages: a story's body and boilerplate assembled in realistic layouts, rendered as plain text.

Layout, top to bottom: navigation (breadcrumbs, menus, skip links, cookie notice), the masthead, the
title, the metadata zone (byline, date, reading time, share bar, lead-photo caption), the body with
the odd caption, ad label, prompt or inline link farm between paragraphs (and a separator before a
wire credit line), then the page bottom (link farms, widgets, prompts, footers).

Two plain-text styles, as the seeds show them: ``lines`` (one paragraph per line, seed 004) and
``blank`` (paragraphs separated by blank lines, seed 000; multi-line blocks such as lists and link
farms sometimes tight, sometimes spaced).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from hypothesis import strategies as st

from tests.property import boilerplate as bp
from tests.property.prose import Chunk, Story, article_bodies, stories, titles

STYLES = ("lines", "blank")


@dataclass(frozen=True)
class Page:
    """A generated page: its chunks in order (title, body, boilerplate) and how it is printed."""

    story: Story
    title: str
    chunks: tuple[Chunk, ...]
    style: str = "lines"
    newline: str = "\n"
    pad: bool = False

    def layout(self) -> tuple[list[str], list[tuple[int, ...]]]:
        """The printed lines and, per chunk, the (0-based) numbers of its lines."""
        out: list[str] = []
        where: list[tuple[int, ...]] = []
        for k, chunk in enumerate(self.chunks):
            if self.style == "blank" and k:
                out.append("")
            numbers = []
            for i, line in enumerate(chunk.lines):
                if i and self.style == "blank" and chunk.gaps and chunk.gaps[i - 1]:
                    out.append("")
                numbers.append(len(out))
                out.append(line + (" " if self.pad and len(out) % 3 == 0 else ""))
            where.append(tuple(numbers))
        return out, where

    def render(self) -> str:
        """The page as one plain-text document."""
        lines, _ = self.layout()
        return self.newline.join(lines) + self.newline

    def body(self, *, html: bool = False) -> list[str]:
        """The body paragraphs the cleaner must keep, in order (list items without their marker in HTML)."""
        if html:
            return [_strip_bullet(p) if c.kind == "list" else p for c in self.chunks for p in c.expected]
        return [p for c in self.chunks for p in c.expected]

    def boilerplate(self) -> list[Chunk]:
        """The injected boilerplate chunks."""
        return [c for c in self.chunks if c.kind == "boilerplate"]

    def keep_only(self, keep: Callable[[int, Chunk], bool]) -> Page:
        """The same page with the boilerplate chunks for which ``keep(index, chunk)`` is False left out."""
        chunks = tuple(c for i, c in enumerate(self.chunks) if c.kind != "boilerplate" or keep(i, c))
        return replace(self, chunks=chunks)

    def bare(self) -> Page:
        """Title and body only."""
        return self.keep_only(lambda _i, _c: False)

    def describe(self) -> str:
        """A readable dump for failure messages: each line with its chunk kind and family."""
        lines, where = self.layout()
        owner: dict[int, str] = {}
        for chunk, numbers in zip(self.chunks, where, strict=True):
            for n in numbers:
                owner[n] = chunk.family or chunk.kind
        return "\n".join(f"{owner.get(n, ''):>16} | {line}" for n, line in enumerate(lines))


def any_pages(**kwargs: object) -> st.SearchStrategy[Page]:
    """Ordinary pages and dense ones, half and half."""
    return st.one_of(pages(**kwargs), pages(dense=True, **kwargs))  # type: ignore[arg-type]


def title_chunk(title: str) -> Chunk:
    """The headline as a chunk (neither body nor boilerplate)."""
    return Chunk("title", (title,), family="title")


@st.composite
def pages(
    draw: st.DrawFn,
    *,
    lang: str | None = None,
    style: str | None = None,
    boilerplate: bool = True,
    min_body: int = 3,
    max_body: int = 10,
    dense: bool = False,
) -> Page:
    """A page: one story's title and body, with boilerplate of every family around and inside it.

    ``dense`` pages have the same kinds of text, but the paragraphs that look like boilerplate to a
    rule (rule words, short sentences, lower-case brand names) and inline boilerplate come often.
    """
    story = draw(stories(lang))
    title = draw(titles(story))
    body = draw(article_bodies(story, min_body, max_body, dense=dense))
    inline_odds = 2 if dense else 5
    chunks: list[Chunk] = []
    if boilerplate:
        chunks += draw(st.lists(bp.top_families(title), max_size=3))
        if draw(st.integers(0, 2)):
            chunks.append(draw(bp.mastheads()))
    chunks.append(title_chunk(title))
    if boilerplate:
        chunks += draw(st.lists(bp.meta_families(story), max_size=3))
    for i, chunk in enumerate(body):
        if boilerplate and chunk.kind == "credit" and draw(st.booleans()):
            chunks.append(draw(bp.separators()))  # seed 004: "___" above "Wu reported from Bangkok."
        elif boilerplate and i and draw(st.integers(1, inline_odds)) == 1:
            chunks.append(draw(bp.inline_families(story, dense=dense)))
        chunks.append(chunk)
    if boilerplate:
        chunks += draw(st.lists(bp.bottom_families(story), max_size=6))
    return Page(
        story=story,
        title=title,
        chunks=tuple(chunks),
        style=style or draw(st.sampled_from(STYLES)),
        newline=draw(st.sampled_from(("\n", "\n", "\n", "\r\n"))),
        pad=draw(st.integers(0, 4)) == 0,
    )


HTML_STYLES = ("semantic", "soup")
_ZONE_TAGS = {"top": "header", "bottom": "footer"}


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def render_html(page: Page, style: str = "semantic") -> str:
    """The page as HTML: semantic markup (header/nav, article with h1/p/figure/aside/ul, footer) or div soup."""
    title_at = next(i for i, c in enumerate(page.chunks) if c.kind == "title")
    body_at = [i for i, c in enumerate(page.chunks) if c.is_body]
    last_body = body_at[-1] if body_at else title_at
    parts: list[str] = []
    for i, chunk in enumerate(page.chunks):
        zone = "top" if i < title_at else "bottom" if i > last_body else "article"
        parts.append(_chunk_html(chunk, zone, style))
    head = f"<head><meta charset='utf-8'><title>{_esc(page.title)}</title></head>"
    if style == "soup":
        return f"<!DOCTYPE html><html>{head}<body><div id='wrap'><div class='c'>{''.join(parts)}</div></div></body></html>"
    top = "".join(p for i, p in enumerate(parts) if i < title_at)
    article = "".join(p for i, p in enumerate(parts) if title_at <= i <= last_body)
    bottom = "".join(p for i, p in enumerate(parts) if i > last_body)
    return (
        f"<!DOCTYPE html><html lang='{page.story.lang.code}'>{head}<body><header>{top}</header>"
        f"<main><article>{article}</article></main><footer>{bottom}</footer></body></html>"
    )


def _chunk_html(chunk: Chunk, zone: str, style: str) -> str:
    lines = [_esc(line.strip()) for line in chunk.lines]
    if style == "soup":
        # Div soup: no semantic tags and class names that say nothing, so only the text can tell.
        cls = f"c{len(chunk.family or chunk.kind) % 7}"
        if chunk.kind == "split":
            return f"<div class='{cls}'>{lines[0]}<br>{lines[1]}</div>"
        return f"<div class='{cls}'>" + "".join(f"<div>{line}</div>" for line in lines) + "</div>"
    family, kind = chunk.family, chunk.kind
    if kind == "title":
        return f"<h1>{lines[0]}</h1>"
    if kind == "list":
        return f"<p>{lines[0]}</p><ul>{''.join(f'<li>{_strip_bullet(x)}</li>' for x in lines[1:])}</ul>"
    if kind == "split":
        return f"<p>{lines[0]}<br>{lines[1]}</p>"
    if chunk.is_body:
        return "".join(f"<p>{line}</p>" for line in lines)
    if family == "link-farm":
        items = "".join(f"<li><a href='/story/{n}'>{_strip_bullet(x)}</a></li>" for n, x in enumerate(lines[1:]))
        return f"<aside class='related'><h2>{lines[0]}</h2><ul>{items}</ul></aside>"
    if family in ("breadcrumb", "menu", "skip-link", "footer-links", "pagination"):
        return f"<nav>{''.join(f'<a href=/x>{x}</a> ' for x in lines)}</nav>"
    if family.startswith("caption"):
        return f"<figure><img src='/p.jpg' alt=''><figcaption>{'<br>'.join(lines)}</figcaption></figure>"
    if family == "byline":
        return f"<p class='byline'>{lines[0]}</p>"
    if family == "date":
        return f"<p class='date'><time>{lines[0]}</time></p>"
    if family == "masthead":
        return f"<div class='site-name'>{lines[0]}</div>"
    return "".join(f"<div class='{family}'>{line}</div>" for line in lines)


def _strip_bullet(text: str) -> str:
    return re.sub(r"^(?:[-*•·▪►]\s|\d{1,3}[.)]\s)", "", text)
