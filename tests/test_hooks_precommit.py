"""The hooks under the real pre-commit tool, in a temporary corpus repository.

The hook repository is a snapshot of this checkout (its tracked and
untracked-but-not-ignored files, committed into a temporary git repo), so
the test exercises the working tree on a developer's machine and the commit
on a fresh CI clone alike. pre-commit builds the hook's virtualenv by
pip-installing that snapshot once per test session (PRE_COMMIT_HOME in a
temporary directory); the three scenarios then use it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cleaner.api import Cleaner

REPO_ROOT = Path(__file__).resolve().parents[1]
INSTALL_TIMEOUT_S = 900
RUN_TIMEOUT_S = 300

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="needs git and pre-commit (pip install -e '.[dev]')",
)

ARTICLE = """\
The Riverside Chronicle
Flood barriers to be raised along the east bank
The city will raise the flood barriers along the east bank of the river before the winter, officials said on Monday.
?? Workers inspect the old barrier near the harbour. Photo: J. Smith ??
Engineers found that the existing walls, built in the 1970s, would not hold back a flood of the size seen last year.
The work is expected to cost about 12 million pounds and will be paid for by the regional government.
Residents of the east bank said they were relieved, but some shop owners worried about the noise and the dust.
Related
Council approves new parking rules
Five things to do this weekend
Weather: rain expected on Sunday
Newspapers in English
Newspapers from United Kingdom
"""
SECOND = """\
The Riverside Chronicle
Library extends its opening hours for the exam season
The central library will stay open until ten in the evening during May and June, the city said on Wednesday.
?? Students at work in the reading room. Photo: A. Khan ??
The longer hours follow a petition signed by more than two thousand students and their parents last winter.
Staff said the extra evenings would be paid for from the library's own budget and would not affect other services.
Most popular
Ten walks along the river this spring
Market hall to close for repairs
Newspapers in English
Newspapers from United Kingdom
"""
GUARDED = ARTICLE.replace(
    "Related\n", "Work on both banks is due to finish by next autumn, a spokesperson for our council said.\nRelated\n"
)
"""The article plus a paragraph without 'the', so the careless rule below leaves some body."""
README = "# My corpus\n\nHome\n\nScraped news, cleaned on every commit.\n"
"""The corpus repo's own README: the hooks' default `exclude` keeps them off it."""
BOILERPLATE = (
    "The Riverside Chronicle",
    "?? Workers",
    "?? Students",
    "Related",
    "Most popular",
    "Newspapers in English",
)

OVERBROAD_PACK = """\
[pack]
name = "overbroad"

[[rule]]
id = "BAD001"
summary = "A careless rule that removes every sentence with 'the' in it."
action = "drop"
strength = "strong"
pattern = '(?i)\\bthe\\b'

[[rule.example]]
expect = "drop"
text = "The end."

[[rule.example]]
expect = "keep"
text = "Body."
"""


@dataclass(frozen=True)
class HookRepo:
    """The snapshot hook repository and the environment every pre-commit call runs with."""

    path: Path
    rev: str
    env: dict[str, str]


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def _snapshot(dest: Path, env: dict[str, str]) -> str:
    """Copy this checkout's files (tracked and untracked-but-not-ignored) into a fresh repo; return its commit."""
    listed = _git(REPO_ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    dest.mkdir(parents=True)
    for name in filter(None, listed.split("\0")):
        src = REPO_ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _git(dest, "init", "-q", env=env)
    _git(dest, "add", "-A", env=env)
    _git(dest, "commit", "-q", "-m", "snapshot", env=env)
    return _git(dest, "rev-parse", "HEAD", env=env).strip()


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home / "pre-commit-home"),
        HOME=str(home),  # no global git config or hooks of the person running the tests
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Corpus Maintainer",
        GIT_AUTHOR_EMAIL="maintainer@example.invalid",
        GIT_COMMITTER_NAME="Corpus Maintainer",
        GIT_COMMITTER_EMAIL="maintainer@example.invalid",
        PRE_COMMIT_COLOR="never",
    )
    # pip inside pre-commit's hook env must see the same package index settings as this one
    for key in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_CONFIG_FILE"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


def _pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


def _config(hook: HookRepo, *hook_ids: str) -> str:
    hooks = "".join(f"      - id: {h}\n" for h in hook_ids)
    return f"repos:\n  - repo: {hook.path}\n    rev: {hook.rev}\n    hooks:\n{hooks}"


def _install(tmp: Path) -> HookRepo:
    """Snapshot this checkout into a hook repo and let pre-commit build its environment (the one pip install)."""
    env = _env(tmp)
    path = tmp / "hook-repo"
    hook = HookRepo(path, _snapshot(path, env), env)
    warm = tmp / "warm"
    warm.mkdir()
    _git(warm, "init", "-q", env=env)
    (warm / ".pre-commit-config.yaml").write_text(_config(hook, "cleaner-fix", "cleaner-check"))
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install-hooks"],
        cwd=warm,
        env=env,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return hook


def _corpus_repo(root: Path, hook: HookRepo, hook_id: str, files: dict[str, str]) -> Path:
    repo = root / "corpus-repo"
    repo.mkdir()
    _git(repo, "init", "-q", env=hook.env)
    (repo / ".pre-commit-config.yaml").write_text(_config(hook, hook_id))
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    done = _pre_commit(repo, hook.env, "install")
    assert done.returncode == 0, done.stdout + done.stderr
    return repo


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    _git(repo, "add", "-A", env=env)
    return subprocess.run(
        ["git", "commit", "-m", message],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
    )


def _digest(repo: Path) -> dict[str, str]:
    return {
        str(p.relative_to(repo)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(repo.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(repo).parts
    }


def test_hooks_under_real_pre_commit(tmp_path: Path) -> None:
    """One test, so that pytest-xdist keeps it on one worker and pre-commit installs the hook env once."""
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to snapshot")
    hook = _install(tmp_path / "precommit")
    for name, scenario in (("fixer", _fixer), ("checker", _checker), ("guard", _guard)):
        workdir = tmp_path / name
        workdir.mkdir()
        scenario(hook, workdir)


def _fixer(hook_repo: HookRepo, tmp_path: Path) -> None:
    """The fixer cleans the files and fails the first commit; the second commit passes, nothing changes."""
    files = {"corpus/flood.txt": ARTICLE, "corpus/library.txt": SECOND, "README.md": README}
    repo = _corpus_repo(tmp_path, hook_repo, "cleaner-fix", files)

    first = _commit(repo, hook_repo.env, "add corpus")
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output
    assert "corpus/flood.txt:1: FIX cleaned in place" in output
    assert re.search(r"^corpus/flood.txt:12: [A-Z]+\d+ ", output, re.M)  # the archive footer, with its rule id
    with pytest.raises(subprocess.CalledProcessError):
        _git(repo, "rev-parse", "HEAD", env=hook_repo.env)  # nothing was committed

    cleaner = Cleaner()
    for name in ("corpus/flood.txt", "corpus/library.txt"):
        text = (repo / name).read_text(encoding="utf-8")
        assert text == cleaner.clean(files[name], kind="text").to_text()
        assert not any(b in text for b in BOILERPLATE), text
    assert (repo / "README.md").read_text() == README  # excluded by the hook's default `exclude`

    second = _commit(repo, hook_repo.env, "add corpus")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout + second.stderr
    assert _git(repo, "status", "--porcelain", env=hook_repo.env) == ""

    before = _digest(repo)
    again = _pre_commit(repo, hook_repo.env, "run", "--all-files")
    assert again.returncode == 0, again.stdout + again.stderr
    assert _digest(repo) == before


def _checker(hook_repo: HookRepo, tmp_path: Path) -> None:
    """The checker reports each file's boilerplate with rule ids, fails, and changes nothing."""
    repo = _corpus_repo(tmp_path, hook_repo, "cleaner-check", {"flood.txt": ARTICLE, "library.txt": SECOND})
    _git(repo, "add", "-A", env=hook_repo.env)
    before = _digest(repo)
    done = _pre_commit(repo, hook_repo.env, "run", "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    # masthead, caption, link farm, archive footer: each reported at its line with a rule id
    for line in (1, 4, 8, 12):
        assert re.search(rf"^flood.txt:{line}: [A-Z]+\d+ \S", output, re.M), (line, output)
    assert not re.search(r"^flood.txt:(2|3|5|6|7):", output, re.M)  # the title and the body are not
    assert "library.txt:" in output
    assert "files were modified" not in output
    assert _digest(repo) == before

    commit = _commit(repo, hook_repo.env, "try")
    assert commit.returncode == 1
    assert _digest(repo) == before


def _guard(hook_repo: HookRepo, tmp_path: Path) -> None:
    """A file over the guard threshold (a careless rule in the corpus's config) is left untouched and reported."""
    files = {
        ".cleaner.toml": 'rules = ["rules"]\n',
        "rules/overbroad.toml": OVERBROAD_PACK,
        "docs/flood.txt": GUARDED,
    }
    repo = _corpus_repo(tmp_path, hook_repo, "cleaner-fix", files)
    done = _commit(repo, hook_repo.env, "corpus with a careless rule")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    guard = re.search(r"^docs/flood.txt:3: GUARD cleaning would remove (\d+) of (\d+) prose-like lines", output, re.M)
    assert guard and int(guard[1]) >= 4, output
    assert "not rewritten, please review" in output
    assert (repo / "docs/flood.txt").read_text(encoding="utf-8") == GUARDED
    assert "files were modified" not in output
