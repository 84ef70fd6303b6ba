"""Packaging: the wheel ships the rule packs and works from a fresh virtual environment outside the repo."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_and_cleans_a_seed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    wheels = list(dist.glob("cleaner-*.whl"))
    assert len(wheels) == 1
    import zipfile

    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "cleaner/packs/linkfarms.toml" in names
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    py = env / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheels[0])], check=True, capture_output=True, timeout=600)
    work = tmp_path / "elsewhere"
    work.mkdir()
    seed = work / "seed.txt"
    seed.write_bytes((ROOT / "seeds" / "000_e5dbb6f1ffdbc878.txt").read_bytes())
    proc = subprocess.run(
        [str(env / "bin" / "cleaner"), "clean", str(seed)], cwd=work, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Putin, Xi vow closer ties as Russia bombards Ukraine\n\nKYIV, Ukraine")
    assert "Newspapers in English" not in proc.stdout
    rules = subprocess.run([str(env / "bin" / "cleaner"), "rules", "test"], cwd=work, capture_output=True, text=True, timeout=300)
    assert rules.returncode == 0, rules.stdout + rules.stderr
