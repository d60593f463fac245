"""corpus-furniture beyond its case corpora: copies, the option, a changed seed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli

PROSE = (
    "The council met on Tuesday and agreed that the new library will open on the first "
    "of May, a month later than planned."
)
APP = "Get the Courier app for local news"


def _write(folder: Path, bodies: list[str]) -> None:
    folder.mkdir()
    for number, body in enumerate(bodies):
        text = f"---\ntitle: Story {number}\nbyline: Ann Lee\n---\n{body}\n"
        (folder / f"{number:03d}_{number:016x}.txt").write_text(text, encoding="utf-8")


def test_copies_of_one_body_count_once(isolated: Path, run_cli: RunCli) -> None:
    same = f"{PROSE}\n\n{APP}"
    _write(isolated / "seeds", [same, same, f"Another story.\n\n{PROSE} Yes.\n\n{APP}"])
    result = run_cli(["validate", "--select", "corpus-furniture", "seeds"])
    assert (result.code, result.out) == (0, "All checks passed (3 files checked).\n")
    _write(isolated / "more", [same, same, f"{PROSE} No.\n\n{APP}", f"{PROSE} So.\n\n{APP}"])
    result = run_cli(["validate", "--select", "corpus-furniture", "-q", "more"])
    message = (
        "SC416 [corpus-furniture] line found in 3 seeds, such as {} "
        "(site furniture, not the article); delete it"
    )
    first, third = "000_0000000000000000.txt", "002_0000000000000002.txt"
    assert result.out == "".join(
        f"more/{name}:7:1: {message.format(other)}\n"
        for name, other in (
            (first, third),
            ("001_0000000000000001.txt", first),
            (third, first),
            ("003_0000000000000003.txt", first),
        )
    )
    assert result.code == 1


def test_the_least_number_of_seeds_is_an_option(isolated: Path, run_cli: RunCli) -> None:
    _write(isolated / "seeds", [f"{PROSE} {n}.\n\n{APP}" for n in range(3)])
    (isolated / "seedcheck.toml").write_text(
        "body-min-words = 0\nfurniture-min-seeds = 4\n", encoding="utf-8"
    )
    result = run_cli(["validate", "--select", "corpus-furniture", "seeds"])
    assert result.code == 0
    (isolated / "seedcheck.toml").write_text(
        "body-min-words = 0\nfurniture-min-seeds = 1\n", encoding="utf-8"
    )
    result = run_cli(["validate", "--select", "corpus-furniture", "seeds"])
    assert result.code == 2
    assert "furniture-min-seeds" in result.err


def test_a_changed_seed_is_counted_again_from_the_cache(isolated: Path, run_cli: RunCli) -> None:
    _write(isolated / "seeds", [f"{PROSE} {n}.\n\n{APP}" for n in range(2)])
    args = ["validate", "--select", "corpus-furniture", "-q", "seeds"]
    assert run_cli(args).code == 0
    extra = isolated / "seeds" / "002_0000000000000002.txt"
    extra.write_text(f"---\ntitle: S\nbyline: Ann Lee\n---\n{PROSE}\n\n{APP}\n", encoding="utf-8")
    assert run_cli(args).out.count("SC416") == 3  # the two cached seeds are counted too
    extra.write_text(f"---\ntitle: S\nbyline: Ann Lee\n---\n{PROSE}\n", encoding="utf-8")
    assert run_cli(args).out == ""
