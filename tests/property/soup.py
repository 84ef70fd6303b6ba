"""Line soup: documents made of rule-bait fragments, prose words and arbitrary characters.

Not realistic pages but hostile ones: lines that half-match patterns, odd line breaks, control
characters, lower-case continuations after unfinished lines (the join repair), CJK and RTL text.
"""

from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = (
    "?? ", " ?? ", "??", "Related", "Ranking", "Read more", "- ", "• ", "1. ", "By ", "BY ", "Date:", "Published ",
    "Home > ", " » ", "(AP Photo/Evan Vucci)", "veryGood! (1)", "(12)", "___", "* * *", "...", "…", "“", "”", "‘", "’",
    '"', "'", "—", "–", "-", ".", ",", ";", ":", "!", "?", " ", " ", " ", "the", "said", "and", "of", "to", "a", "in",
    "on", "was", "council", "budget", "Putin", "KYIV, Ukraine — ", "eBay", "iPhone", "Share", "View", "Photo:",
    "Newspapers in English", "© 2024", "Sign up for our newsletter", "We use cookies", "Subscribe now", "2024-01-01",
    "November 19, 2019", "$5 million", "3.5%", "U.S.", "Dr.", "reported from Bangkok.", "\t", "\u00a0", "\u200b",
    "\ufeff", "der", "und", "die", "el", "la", "que", "и", "в", "не", "是", "的", "。", "，", "שלום", "مرحبا",
)
LINE_BREAKS = ("\n", "\n", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x0c", "\x85", "\x0b")


@st.composite
def soup_lines(draw: st.DrawFn) -> str:
    """One line of fragments and arbitrary characters."""
    parts = draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=30))
    return "".join(parts)


@st.composite
def line_soup(draw: st.DrawFn) -> str:
    """A document of soup lines joined by assorted line breaks."""
    lines = draw(st.lists(soup_lines(), max_size=40))
    out = []
    for i, line in enumerate(lines):
        if i:
            out.append(draw(st.sampled_from(LINE_BREAKS)))
        out.append(line)
    return "".join(out)
