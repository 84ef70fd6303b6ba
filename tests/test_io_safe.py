"""Atomic writes: same-directory temp file, rename, permissions kept, nothing left behind on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cleaner import io_safe
from cleaner.io_safe import atomic_write_bytes, atomic_write_text, write_text_if_changed


def test_writes_new_file_with_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    old = os.umask(0o027)
    try:
        atomic_write_text(target, "hello\n")
    finally:
        os.umask(old)
    assert target.read_text() == "hello\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_replaces_content_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    target.write_text("old\n")
    target.chmod(0o751)
    atomic_write_text(target, "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o751


def test_newlines_are_written_verbatim(tmp_path: Path) -> None:
    target = tmp_path / "crlf.txt"
    atomic_write_text(target, "a\r\nb\r\n")
    assert target.read_bytes() == b"a\r\nb\r\n"


def test_no_temp_file_left_behind(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    atomic_write_text(target, "x")
    atomic_write_text(target, "y")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]


def test_failure_leaves_original_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "doc.txt"
    target.write_text("original\n")

    def boom(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(io_safe.os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new\n")
    assert target.read_text() == "original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt"]


def test_temp_file_is_in_the_same_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        seen.append((str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(io_safe.os, "replace", spy)
    atomic_write_text(tmp_path / "doc.txt", "x")
    ((src, dst),) = seen
    assert Path(src).parent == Path(dst).parent == tmp_path.resolve()


def test_symlink_target_is_replaced_and_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_write_if_changed(tmp_path: Path) -> None:
    target = tmp_path / "doc.txt"
    assert write_text_if_changed(target, "a\n") is True
    mtime = target.stat().st_mtime_ns
    assert write_text_if_changed(target, "a\n") is False
    assert target.stat().st_mtime_ns == mtime
    assert write_text_if_changed(target, "b\n") is True
    assert target.read_text() == "b\n"
