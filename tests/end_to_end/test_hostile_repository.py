"""Every command against a repository built by an attacker (issue 25).

A pull request is untrusted: its symbolic links, FIFOs, file names, settings and cache
folder are the attacker's. Each test builds such a repository in a temporary folder,
beside a sentinel tree standing for everything else on the machine, and runs the
installed console script on it, as CI and the hooks do. After every run: nothing in the
sentinel tree changed (its hash is compared), no secret from the environment appears
in the output, the run ended within its bound, and no run said "All checks passed" on
a corpus with errors.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from seedcheck import __version__
from tests.conftest import console_script

SCRIPT = console_script("seedcheck")
SECRET = "hunter2-7f3c9a1e-not-for-output"
# Generous for a shared CI machine; a hang (a FIFO read) or a read without end
# (/dev/zero) takes far longer, and a catastrophic pattern takes minutes.
BOUND = 60

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="FIFOs, /proc and /dev are POSIX"),
    pytest.mark.skipif(not SCRIPT.is_file(), reason=f"console script not at {SCRIPT}"),
]

SEED = "000_0123456789abcdef.txt"
BROKEN_SEED = "001_1123456789abcdef.txt"
PROSE = (
    "The ferry service to the northern islands resumed on Monday after a week of storms kept"
    " every boat in harbour. Crews spent the weekend checking hulls and moorings, and the first"
    " crossing left on time with a full deck of delivery vans. Islanders said the shops had"
    " run low on fresh milk and bread, but nobody had gone without heating or medicine.\n"
)


@dataclass
class Hostile:
    """The attacker's repository and the rest of the machine beside it."""

    repo: Path
    outside: Path

    def run(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = {
            k: v
            for k, v in os.environ.items()
            if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "SEEDCHECK_CACHE_DIR")
        }
        environment["SEEDCHECK_SECRET_TOKEN"] = SECRET
        environment.update(env or {})
        before = tree_hash(self.outside)
        done = subprocess.run(
            [str(SCRIPT), *args],
            cwd=self.repo,
            env=environment,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=BOUND,
            check=False,
        )
        output = done.stdout + done.stderr
        assert tree_hash(self.outside) == before, f"{args} changed a file outside: {output}"
        assert SECRET not in output, f"{args} printed the environment"
        assert "All checks passed" not in output, f"{args} passed a broken corpus: {output}"
        assert "Traceback" not in output, output
        return done


def tree_hash(root: Path) -> str:
    """A hash of every name, link target, mode and content under ``root``."""
    digest = hashlib.sha256()
    for folder, names, files in sorted(os.walk(root)):
        for name in sorted(names + files):
            path = Path(folder, name)
            info = os.lstat(path)
            digest.update(f"{path.relative_to(root)}\0{info.st_mode}\0".encode())
            if path.is_symlink():
                digest.update(str(path.readlink()).encode())
            elif path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Hostile]:
    outside = tmp_path / "outside"
    (outside / "memo").mkdir(parents=True)
    (outside / "notes.txt").write_text("the machine's own file\n", encoding="utf-8")
    for turn in range(12):  # named as the run memo names its files
        (outside / "memo" / f"{turn:064x}").write_text("someone else's\n", encoding="utf-8")
    repo = tmp_path / "repo"
    seeds = repo / "seeds"
    seeds.mkdir(parents=True)
    (repo / "seedcheck.toml").write_text("", encoding="utf-8")
    (seeds / SEED).write_text(
        "---\ntitle: Ferry Service Resumes\nbyline: Ann Example\n---\n" + PROSE, encoding="utf-8"
    )
    # Errors: trailing blanks, and INDEX.md missing.
    (seeds / BROKEN_SEED).write_text(
        "---\ntitle: Ferry Crews Return\nbyline: Bo Writer  \n---\n" + PROSE.upper(),
        encoding="utf-8",
    )
    _age(seeds)
    yield Hostile(repo, outside)


def _age(folder: Path) -> None:
    """Date the files an hour back: the cache keeps no record of a file this fresh."""
    past = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (past, past))


def _schema_links(hostile: Hostile, target: str) -> None:
    folder = hostile.repo / "schemas"
    folder.mkdir()
    for name in ("config.schema.json", "seed.schema.json"):
        (folder / name).symlink_to(target)


@pytest.mark.parametrize("target", ["/proc/self/environ", "/dev/zero", "notes.txt"])
@pytest.mark.parametrize("check", [True, False])
def test_schema_never_reads_or_writes_through_a_link(
    hostile: Hostile, target: str, check: bool
) -> None:
    shown = str(hostile.outside / "notes.txt") if target == "notes.txt" else target
    _schema_links(hostile, shown)
    done = hostile.run("schema", *(["--check"] if check else []))
    assert done.returncode == 2
    assert "a symbolic link, not a regular file" in done.stderr


def test_schema_folder_that_is_a_link(hostile: Hostile) -> None:
    (hostile.repo / "schemas").symlink_to(hostile.outside)
    for args in (["schema"], ["schema", "--check"]):
        done = hostile.run(*args)
        assert done.returncode == 2
        assert "is a symbolic link" in done.stderr


def test_schema_on_a_fifo_ends(hostile: Hostile) -> None:
    (hostile.repo / "schemas").mkdir()
    os.mkfifo(hostile.repo / "schemas" / "config.schema.json")
    done = hostile.run("schema", "--check")
    assert (done.returncode, "a FIFO (named pipe), not a regular file" in done.stderr) == (2, True)


@pytest.mark.parametrize("target", ["/proc/self/environ", "/dev/zero", "fifo"])
def test_settings_file_never_read_through_a_link(hostile: Hostile, target: str) -> None:
    settings = hostile.repo / "seedcheck.toml"
    settings.unlink()
    if target == "fifo":
        os.mkfifo(settings)
    else:
        settings.symlink_to(target)
    for args in (["validate"], ["index"], ["schema", "--check"], ["fix"]):
        done = hostile.run(*args)
        # A link to a regular file is refused; a FIFO or device is no settings file at
        # all, and the search passes it by.
        if target.startswith("/proc"):
            assert done.returncode == 2, done


def test_a_cache_folder_that_is_a_link_is_not_used(hostile: Hostile) -> None:
    (hostile.repo / ".seedcheck_cache").symlink_to(hostile.outside)
    for args in (["validate"], ["index", "--check"], ["fix", "--diff"]):
        done = hostile.run(*args)
        assert done.returncode == 1
        assert "is a symbolic link, not a folder; the cache is off for this run" in done.stderr
        assert done.stderr.count("the cache is off") == 1


def test_a_memo_folder_that_is_a_link_is_not_pruned(hostile: Hostile) -> None:
    version = hostile.repo / ".seedcheck_cache" / __version__
    version.mkdir(parents=True)
    (version / "memo").symlink_to(hostile.outside / "memo")
    for turn in range(3):
        hostile.run("validate")  # the sentinel check: no file of outside/memo deleted
        (hostile.repo / "seeds" / SEED).write_text(PROSE * (turn + 2), encoding="utf-8")
        _age(hostile.repo / "seeds")


def test_files_of_the_memos_name_that_seedcheck_did_not_write_stay(hostile: Hostile) -> None:
    hostile.run("validate")
    memo = hostile.repo / ".seedcheck_cache" / __version__ / "memo"
    foreign = [memo / f"{turn:064x}" for turn in range(12)]
    for path in foreign:
        path.write_text("not seedcheck's\n", encoding="utf-8")
    for turn in range(3):
        (hostile.repo / "seeds" / SEED).write_text(
            "---\ntitle: Ferry Service Resumes\nbyline: Ann Example\n---\n" + PROSE * (turn + 2),
            encoding="utf-8",
        )
        _age(hostile.repo / "seeds")
        hostile.run("validate")
    assert all(path.read_text(encoding="utf-8") == "not seedcheck's\n" for path in foreign)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "environ"])
def test_cache_files_replaced_by_fifos_and_links(hostile: Hostile, kind: str) -> None:
    hostile.run("validate")
    cache = hostile.repo / ".seedcheck_cache"
    files = [path for path in cache.rglob("*") if path.is_file() and path.parent != cache]
    assert files
    for path in files:
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero" if kind == "dev-zero" else "/proc/self/environ")
    for args in (["validate"], ["validate", "--format", "json"], ["index", "--check"]):
        assert hostile.run(*args).returncode == 1


if sys.platform != "linux":  # /proc/self/environ is Linux's
    test_schema_never_reads_or_writes_through_a_link = pytest.mark.skip(reason="Linux's /proc")(
        test_schema_never_reads_or_writes_through_a_link
    )


@pytest.mark.parametrize(
    "settings",
    [
        "boilerplate-patterns = ['^(a+)+$']\n",
        "pattern = '^(?P<number>(\\d+)+)_(?P<id>[0-9a-f]{16})\\.txt$'\n",
    ],
)
def test_a_catastrophic_pattern_is_refused_at_once(hostile: Hostile, settings: str) -> None:
    (hostile.repo / "seedcheck.toml").write_text(settings, encoding="utf-8")
    # Lines and names on which ^(a+)+$ took minutes (issue 25).
    (hostile.repo / "seeds" / SEED).write_text(
        "---\ntitle: T\nbyline: B\n---\n" + ("a" * 40 + "b\n") * 5, encoding="utf-8"
    )
    (hostile.repo / "seeds" / ("1" * 40 + "x_0123456789abcdef.txt")).write_text("x\n", "utf-8")
    for args in (["validate"], ["index"], ["fix", "--diff"], ["schema", "--check"]):
        done = hostile.run(*args)
        assert done.returncode == 2
        assert "can take exponential time on some text" in done.stderr


# Patterns that no static check refuses (a bounded repeat of a repeat) but that
# backtrack for seconds to hours on a line or a name a contributor chooses.
SLOW_LINE_PATTERN = "(?:\\w+){2,8}!$"
SLOW_NAME_PATTERN = "^(?P<number>\\d+)_(?P<id>(?:\\w+){2,8})\\.txt$"


def test_a_pattern_that_backtracks_on_a_line_is_stopped_and_said(hostile: Hostile) -> None:
    (hostile.repo / "seedcheck.toml").write_text(
        f"boilerplate-patterns = ['{SLOW_LINE_PATTERN}', '^Sponsored by']\n", encoding="utf-8"
    )
    paragraphs = [
        PROSE.strip(),
        "a" * 200 + "!x",  # line 7: the first pattern runs out of time here
        "b" * 200 + "!x",  # not searched with it again
        "Sponsored by Acme Ferries",  # line 11: the second pattern still runs
        "Subscribe to our newsletter",  # line 13: and the built-in ones
        PROSE.strip(),
    ]
    seed = hostile.repo / "seeds" / SEED
    seed.write_text("---\ntitle: T\nbyline: Ann Example\n---\n" + "\n\n".join(paragraphs) + "\n")
    _age(hostile.repo / "seeds")
    started = time.monotonic()
    done = hostile.run("validate", "--no-cache", "--select", "SC406", "seeds/" + SEED)
    assert time.monotonic() - started < BOUND
    assert done.returncode == 1, done.stderr
    lines = [line.split(f"{SEED}:", 1)[1] for line in done.stdout.splitlines() if SEED in line]
    assert lines == [
        "7:1: SC406 [boilerplate] boilerplate-patterns: the pattern "
        f"'{SLOW_LINE_PATTERN}' ran over 0.25 s on this line "
        "and was stopped, and the rest of the file was not searched with it; rewrite the "
        "pattern so that each part of a line can match one way only",
        "11:1: SC406 [boilerplate] site boilerplate 'Sponsored by Acme Ferries'; delete the block",
        "13:1: SC406 [boilerplate] site boilerplate 'Subscribe to our newsletter'; delete "
        "the block",
    ], done.stdout


def test_a_pattern_that_backtracks_on_a_file_name_is_an_error(hostile: Hostile) -> None:
    (hostile.repo / "seedcheck.toml").write_text(
        f"pattern = '{SLOW_NAME_PATTERN}'\n", encoding="utf-8"
    )
    name = "1_" + "a" * 120 + ".tx"
    (hostile.repo / "seeds" / name).write_text("x\n", encoding="utf-8")
    for args in (["validate"], ["validate", "--no-cache"], ["index"], ["fix", "--diff"]):
        done = hostile.run(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert done.stderr.startswith("seedcheck: error: pattern: the pattern '^(?P<number>"), (
            args,
            done.stderr,
        )
        assert "ran over 0.25 s on the file name '1_aaaa" in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1, done.stderr


def _article(hostile: Hostile) -> str:
    (hostile.repo / "article.txt").write_text(
        "Harbour Dues Rise\n\nBy Cy Reporter\n\n" + PROSE.replace("ferry", "harbour"),
        encoding="utf-8",
    )
    return "article.txt"


@pytest.mark.parametrize("how", ["absolute", "dot-dot", "symlink"])
def test_a_configured_corpus_outside_the_repository_is_not_written(
    hostile: Hostile, how: str
) -> None:
    victim = hostile.outside / "seeds"
    victim.mkdir()
    (victim / SEED).write_text(
        "---\ntitle: Outside\nbyline: Someone Else\n---\n" + PROSE + "  \n", encoding="utf-8"
    )
    if how == "symlink":
        settings = ""
        seeds = hostile.repo / "seeds"
        for path in seeds.iterdir():
            path.unlink()
        seeds.rmdir()
        seeds.symlink_to(victim)
    else:
        where = victim.as_posix() if how == "absolute" else "../outside/seeds"
        settings = f"corpus = '{where}'\n"
    (hostile.repo / "seedcheck.toml").write_text(settings, encoding="utf-8")
    for args in (["index"], ["fix"], ["import", _article(hostile)]):
        done = hostile.run(*args)
        assert done.returncode == 2
        assert "outside the repository" in done.stderr
        assert "--allow-outside-repository" in done.stderr
    done = hostile.run("validate")
    assert done.returncode == 1
    assert "seedcheck: note: reading the configured corpus" in done.stderr


def test_the_flag_lets_a_corpus_outside_be_written(tmp_path: Path) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "elsewhere"
    repo.mkdir()
    outside.mkdir()
    (outside / SEED).write_text(
        "---\ntitle: Outside\nbyline: Someone Else\n---\n" + PROSE, encoding="utf-8"
    )
    (repo / "seedcheck.toml").write_text("corpus = '../elsewhere'\n", encoding="utf-8")
    done = subprocess.run(
        [str(SCRIPT), "index", "--allow-outside-repository"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=BOUND,
        check=False,
    )
    assert (done.returncode, (outside / "INDEX.md").is_file()) == (0, True), done


def _every_trap(hostile: Hostile) -> None:
    """All the traps at once: links to /proc and /dev, FIFOs, option-like and escape-laden
    names, a cache that is a link, linked schemas and a preamble that was quadratic."""
    repo, seeds = hostile.repo, hostile.repo / "seeds"
    (seeds / "002_2123456789abcdef.txt").symlink_to("/proc/self/environ")
    (seeds / "003_3123456789abcdef.txt").symlink_to("/dev/zero")
    os.mkfifo(seeds / "004_4123456789abcdef.txt")
    (seeds / "005_5123456789abcdef.txt").symlink_to(hostile.outside / "notes.txt")
    (seeds / "006_6123456789abcdef\x1b]0;PWNED\x07.txt").write_text("x\n", encoding="utf-8")
    (seeds / "INDEX.md").write_text(
        "[" * 200_000 + "\n\n<!-- seedcheck:index:begin -->\n"
        "| File | Title | Byline | Published | Words | SHA-256 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| [x](../../../../etc/passwd) | x | x | x | 1 | x |\n"
        "<!-- seedcheck:index:end -->\n",
        encoding="utf-8",
    )
    (repo / "--exit-zero").write_text("", encoding="utf-8")
    (repo / "--config=cfg").mkdir()
    (repo / "--config=cfg" / SEED).write_text("ignore = ['ALL']\n", encoding="utf-8")
    (repo / ".seedcheck_cache").symlink_to(hostile.outside)
    (repo / "schemas").mkdir()
    (repo / "schemas" / "config.schema.json").symlink_to("/proc/self/environ")
    _age(seeds)


EVERY_COMMAND = [
    ["validate"],
    ["validate", "--format", "json"],
    ["validate", "--format", "github"],
    ["validate", "--format", "sarif"],
    ["validate", "--format", "junit"],
    ["validate", "--statistics"],
    ["validate", "--exit-zero"],  # a file is named so: refused, never read as a name
    ["validate", "--", "--config=cfg/" + SEED, "seeds"],
    ["validate", "--", "--exit-zero"],
    ["index", "--check"],
    ["index"],
    ["fix", "--diff"],
    ["fix"],
    ["import", "--", "--exit-zero"],
    ["schema", "--check"],
    ["schema"],
    ["rules"],
    ["rule", "SC101"],
    ["--version"],
    ["--help"],
]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=" ".join)
def test_every_command_against_every_trap(hostile: Hostile, args: list[str]) -> None:
    _every_trap(hostile)
    done = hostile.run(*args)  # outside unchanged, no secret, bounded, no false pass
    assert done.returncode in (0, 1, 2)
    output = done.stdout + done.stderr
    assert "\x1b" not in output and "\x07" not in output  # the name's escapes, escaped
    assert "root:" not in output  # /etc/passwd, which the index links to
    if args[0] in ("validate", "schema") or args[:2] == ["index", "--check"]:
        assert done.returncode != 0, output  # the corpus is broken; so are the schemas
