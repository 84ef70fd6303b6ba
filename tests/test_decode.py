"""decode_bytes: BOMs, UTF-16, declared charsets read the browser way, broken bytes."""

from __future__ import annotations

import pytest

from cleaner.adapters.decode import declared_charsets, decode_bytes, decode_content, normalize_label

PAGE = "<html><head>{meta}</head><body><p>Café “quoted” – naïve</p></body></html>"


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        (b"\xef\xbb\xbf" + PAGE.format(meta="").encode("utf-8"), "utf-8"),
        (PAGE.format(meta="").encode("utf-16"), "utf-16"),
        (PAGE.format(meta="").encode("utf-16-le"), "utf-16-le"),
        (PAGE.format(meta="").encode("utf-16-be"), "utf-16-be"),
        (PAGE.format(meta="").encode("utf-32"), "utf-32"),
        (PAGE.format(meta='<meta charset="iso-8859-1">').encode("cp1252"), "cp1252"),
        (PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">').encode("cp1252"), ""),
        # Declared ISO-8859-1 but really UTF-8: the bytes win.
        (PAGE.format(meta='<meta charset="iso-8859-1">').encode("utf-8"), ""),
    ],
)
def test_decodes_back_to_the_page(data: bytes, codec: str) -> None:
    text, _ = decode_bytes(data)
    assert "Café “quoted” – naïve" in text
    assert not text.startswith("\ufeff")


def test_gb2312_declared_after_another_charset() -> None:
    page = '<meta charset="utf-8"><meta content="text/html; charset=gb2312"><title>话剧《约定无期限》</title>'
    text, _ = decode_bytes(page.encode("gb18030"))
    assert "话剧《约定无期限》" in text


def test_declared_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    data = ('<meta charset="utf-8"><p>' + "Grüße aus München. " * 20 + "</p>").encode() + b"<p>K\xfcchen</p>"
    text, warnings = decode_bytes(data)
    assert "Grüße aus München" in text
    assert any("invalid UTF-8" in w for w in warnings)


def test_undeclared_latin1_is_read_as_windows_1252() -> None:
    text, warnings = decode_bytes("<p>Alle Auswählen – jetzt “neu”</p>".encode("cp1252"))
    assert "Alle Auswählen – jetzt “neu”" in text
    assert warnings


def test_binary_garbage_never_raises() -> None:
    text, _ = decode_bytes(bytes(range(256)) * 50)
    assert isinstance(text, str)


def test_str_passes_through_without_bom() -> None:
    assert decode_content("\ufeffhello") == ("hello", ())


def test_labels_map_the_whatwg_way() -> None:
    assert normalize_label("ISO-8859-1") == "cp1252"
    assert normalize_label("gb2312") == "gb18030"
    assert normalize_label("no-such-charset") is None
    assert declared_charsets(b'<?xml version="1.0" encoding="Shift_JIS"?><meta charset=euc-kr>') == ["cp932", "cp949"]
