"""The report as a short Markdown summary, for a pull request or a job summary
(``$GITHUB_STEP_SUMMARY``). No charts, so no matplotlib."""

from __future__ import annotations

from seedcheck.corpus_report.facts import CorpusFacts

# A job summary is for a glance: the full list is validate's (or the HTML report's).
MAX_RULES = 15
MAX_CLUSTERS = 5


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(facts: CorpusFacts) -> str:
    verdict = (
        "✅ no findings"
        if not facts.findings
        else f"❌ {facts.errors:,} error(s), {facts.warnings:,} warning(s) "
        f"in {facts.files_with_findings:,} file(s)"
    )
    lines = [
        f"## seedcheck report: {_cell(', '.join(facts.corpora))}",
        "",
        f"**{verdict}** · {facts.seeds:,} seeds · {facts.words:,} words · "
        f"{facts.distinct_sources:,} sources · {facts.distinct_bylines:,} bylines",
        "",
    ]
    lines += [f"- `{_cell(corpus)}`: {_cell(state)}" for corpus, state in facts.index_state]
    if facts.by_rule:
        lines += ["", "| rule | severity | findings |", "| --- | --- | ---: |"]
        for code, name, severity, count in facts.by_rule[:MAX_RULES]:
            lines.append(f"| {code} `{name}` | {severity.value} | {count:,} |")
        if len(facts.by_rule) > MAX_RULES:
            lines.append(f"| … {len(facts.by_rule) - MAX_RULES} more rules | | |")
    if facts.clusters:
        lines += ["", f"Near-duplicate clusters: {len(facts.clusters)}"]
        for group in facts.clusters[:MAX_CLUSTERS]:
            lines.append("- " + ", ".join(f"`{_cell(path)}`" for path in group))
    lines += [
        "",
        f"<sub>seedcheck {facts.version} · {_cell(facts.settings)} · {facts.made}</sub>",
        "",
    ]
    return "\n".join(lines)
