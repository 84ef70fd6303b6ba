"""The hostile corpus of issue 8: small files are committed in ``files/``, large ones are made at test time.

    python -m tests.hostile.generate            rewrite tests/hostile/files/ (review with git diff)
    python -m tests.hostile.generate --large D  also write every large file into directory D

Each entry maps a file name to a function returning its bytes (small) or writing it (large).
The extension says how the CLI and batch read it: ``.txt`` as text, ``.html`` as HTML.
"""

from __future__ import annotations

import argparse
import gzip
import zlib
from collections.abc import Callable
from pathlib import Path

FILES_DIR = Path(__file__).parent / "files"

PARA = "The harbour master said the storm had passed and the boats could leave at first light on Monday."
P_HTML = f"<p>{PARA}</p>"
LATE = "This later paragraph comes after the trap and must survive in the cleaned text."


def _page(body: str, head: str = "<title>Hostile page</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _png() -> bytes:
    raw = b"".join(b"\x00" + bytes((x * y) % 256 for x in range(64)) for y in range(64))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    ihdr = (64).to_bytes(4, "big") * 2 + b"\x08\x00\x00\x00\x00"
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _billion_laughs() -> str:
    entities = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">{entities}]>'
        f"<html><body><p>&lol9;</p>{P_HTML * 3}</body></html>"
    )


def _xxe() -> str:
    return (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY % remote SYSTEM "file:///etc/hostname"> %remote;]>'
        '<html><head><link rel="stylesheet" href="file:///etc/shadow">'
        '<base href="file:///"></head><body><p>&xxe;</p>'
        '<iframe src="file:///etc/passwd"></iframe><img src="file:///etc/group">'
        '<object data="file:///proc/self/environ"></object>'
        f"{P_HTML * 3}<p>{LATE}</p></body></html>"
    )


SMALL: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "empty.html": lambda: b"",
    "whitespace.txt": lambda: b" \t\n\r\n\x0c\x0b \xc2\xa0\n" * 200,
    "nul-control.txt": lambda: (PARA.replace(" ", " \x00\x01\x1b[31m") + "\x7f\n").encode() * 20,
    "nul-control.html": lambda: _page((P_HTML.replace(" ", "\x00 \x08")) * 10).encode(),
    "invalid-utf8.txt": lambda: (PARA.encode() + b" \xff\xfe\xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80\n") * 20,
    "invalid-utf8.html": lambda: _page(P_HTML * 5).encode().replace(b"storm", b"st\xc3\x28orm\xff"),
    "utf16-bom.txt": lambda: "\ufeff".encode("utf-16-le") + (PARA + "\n").encode("utf-16-le") * 20,
    "utf16-nobom.txt": lambda: ((PARA + "\n") * 20).encode("utf-16-le"),
    "utf16-bom.html": lambda: b"\xfe\xff" + _page(P_HTML * 5).encode("utf-16-be"),
    "utf16-nobom.html": lambda: _page(P_HTML * 5).encode("utf-16-le"),
    "misdeclared-charset-latin1-as-utf8.html": lambda: _page(
        "<p>Café, naïve résumé, Straße und Größe: die Hafenmeisterin sagte, dass der Sturm vorüber sei.</p>" * 5,
        '<meta charset="utf-8"><title>Größe</title>',
    ).encode("latin-1"),
    "misdeclared-charset-utf8-as-sjis.html": lambda: _page(
        "<p>Ça va très bien, merci — « déjà vu » 東京の天気は晴れです。</p>" * 5,
        '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><title>t</title>',
    ).encode("utf-8"),
    "bogus-charset.html": lambda: _page(P_HTML * 5, '<meta charset="x-no-such-charset-\u00e9">').encode(),
    "mixed-newlines.txt": lambda: (
        f"Title line\r{PARA}\r\n{PARA}\u2028{PARA}\u2029{PARA}\x0c{PARA}\x0b{PARA}\x85{PARA}\n\r\n\r"
    ).encode() * 20,
    "rtl-combining.txt": lambda: (
        "\u202eمرحبا بالعالم، هذه فقرة عربية طويلة بما يكفي لتكون نصا حقيقيا في المقال.\u202c\n"
        "שלום עולם, זו פסקה בעברית שאמורה להישאר בטקסט הנקי של הכתבה הזאת.\n"
        + "Z\u0351\u0300\u0301\u0302a\u0303\u0304\u0305\u0306l\u0307\u0308g\u0309o " * 200
        + "\n\u200f\u200e\u2066\u2067\u2068\u2069\ufeff\u200b\u200d\n" + "e\u0301" * 3000 + "\n"
    ).encode(),
    "unclosed-tags.html": lambda: (
        "<html><head><title>t<body><div><p>" + "<p>Unclosed paragraph with some words in it <b><i><span>" * 300
    ).encode(),
    "unterminated-markup.html": lambda: (_page(P_HTML * 3) + "<a href='" + "<!--" + "<" * 20_000).encode(),
    "billion-laughs.html": lambda: _billion_laughs().encode(),
    "billion-laughs.txt": lambda: _billion_laughs().encode(),
    "xxe-file-refs.html": lambda: _xxe().encode(),
    "script-only.html": lambda: _page(
        "<script>" + "var x = '<p>not text</p>';" * 2000 + "</script><style>p{color:red}</style><noscript></noscript>"
    ).encode(),
    "png-as-text.txt": _png,
    "png-as-html.html": _png,
    "gzip-as-text.txt": lambda: gzip.compress((PARA + "\n").encode() * 200, mtime=0),
    "gzip-as-html.html": lambda: gzip.compress(_page(P_HTML * 200).encode(), mtime=0),
    "font-300-unclosed.html": lambda: _page(P_HTML * 3 + "<font>" * 300 + P_HTML + f"<p>{LATE}</p>").encode(),
    "nested-10k.html": lambda: _page(P_HTML * 3 + "<div>" * 10_000 + P_HTML + "</div>" * 10_000 + f"<p>{LATE}</p>").encode(),
    "nested-10k-unclosed.html": lambda: _page(P_HTML * 3 + "<span><b>" * 5_000 + P_HTML + f"<p>{LATE}</p>").encode(),
}


def _write_lines(path: Path, line: str, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        block = line * 1000
        for _ in range(count // 1000):
            fh.write(block)
        fh.write(line * (count % 1000))


def _write_repeated(path: Path, head: str, unit: str, size_bytes: int, tail: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(head)
        block = unit * max(1, 1_000_000 // len(unit))
        written = 0
        while written < size_bytes:
            fh.write(block)
            written += len(block)
        fh.write(tail)


def single_line(mb: int) -> Callable[[Path], None]:
    """One line of ``mb`` MB of prose: no newline at all."""
    return lambda p: _write_repeated(p, "", PARA + " ", mb * 1_000_000, "\n")


def short_lines(count: int) -> Callable[[Path], None]:
    """``count`` short, varied lines."""
    words = ("Menu", "Home", "News", "Sport", "Share", "Login", "More", "Next")
    unit = "".join(f"{words[i % 8]} item {i}\n" for i in range(1000))
    return lambda p: _write_lines(p, unit, count // 1000)


def nested(count: int) -> Callable[[Path], None]:
    """``count`` nested (closed) elements with the article before and after."""
    return lambda p: p.write_text(
        _page(P_HTML * 3 + "<div>" * count + P_HTML + "</div>" * count + f"<p>{LATE}</p>"), encoding="utf-8"
    )


def siblings(count: int) -> Callable[[Path], None]:
    """``count`` sibling paragraphs: trafilatura's slow case."""
    return lambda p: p.write_text(
        _page("<article>" + "".join(f"<p>{i}. {PARA}</p>" for i in range(count)) + "</article>"), encoding="utf-8"
    )


def table(mb: int) -> Callable[[Path], None]:
    """A table of ``mb`` MB with a short article before it."""
    row = "<tr>" + "".join(f"<td>cell {i}</td>" for i in range(8)) + "</tr>\n"
    return lambda p: _write_repeated(
        p, "<html><body>" + P_HTML * 3 + "<table>", row, mb * 1_000_000, f"</table><p>{LATE}</p></body></html>"
    )


def text_node(mb: int) -> Callable[[Path], None]:
    """One text node of ``mb`` MB inside a paragraph (past libxml2's 10 MB buffer)."""
    return lambda p: _write_repeated(
        p, "<html><body><article><p>", PARA + " ", mb * 1_000_000, f"</p><p>{LATE}</p></article></body></html>"
    )


LARGE: dict[str, tuple[Callable[[Path], None], bool]] = {
    # name: (writer, slow) -- slow ones run under `make test-slow` only
    "single-line-5mb.txt": (single_line(5), False),
    "short-lines-100k.txt": (short_lines(100_000), False),
    "siblings-50k-p.html": (siblings(50_000), False),
    "table-1mb.html": (table(1), False),
    "single-line-50mb.txt": (single_line(50), True),
    "short-lines-1m.txt": (short_lines(1_000_000), True),
    "nested-100k.html": (nested(100_000), True),
    "table-20mb.html": (table(20), True),
    "text-node-12mb.html": (text_node(12), True),
    "siblings-200k-p.html": (siblings(200_000), True),
}


def write_small(directory: Path = FILES_DIR) -> list[Path]:
    """Write every small hostile file into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name, make in SMALL.items():
        path = directory / name
        path.write_bytes(make())
        out.append(path)
    return out


def write_large(name: str, directory: Path) -> Path:
    """Write one large hostile file into ``directory`` (once) and return its path."""
    path = directory / name
    if not path.exists():
        LARGE[name][0](path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``files/``; with ``--large DIR`` also write the large files there."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large", type=Path, help="also write the large files into this directory")
    args = ap.parse_args(argv)
    for path in write_small():
        print(f"{path.stat().st_size:>10}  {path}")
    if args.large:
        args.large.mkdir(parents=True, exist_ok=True)
        for name in LARGE:
            path = write_large(name, args.large)
            print(f"{path.stat().st_size:>10}  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
