"""The report as one HTML page: inline CSS, inline SVG charts, a little inline script.

Nothing is fetched: the page opens from disk, offline. Without JavaScript it is all
there (every finding listed, in validate's order); the script only adds the filters by
rule and severity and sorting by a column. A filter can be given in the address too
(``report.html#rule=SC106&severity=error``), for a link to one rule's findings.
"""

from __future__ import annotations

from html import escape

from seedcheck.corpus_report.facts import CorpusFacts
from seedcheck.diagnostic import Diagnostic
from seedcheck.display import display_path
from seedcheck.rules.pages import rule_page_url

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;
color:#1c2833}
h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #d5d8dc}
.meta{color:#566573}.cards{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}
.card{border:1px solid #d5d8dc;border-radius:6px;padding:.6em 1em;min-width:8em}
.card b{display:block;font-size:1.6em}.error{color:#c0392b}.warning{color:#b9770e}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1em}
figure.chart{margin:0;border:1px solid #eaeded;border-radius:6px;padding:.4em}
figure.chart svg{width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #eaeded;vertical-align:top}
th[data-sort]{cursor:pointer;user-select:none}th[data-sort]:after{content:" \\2195";color:#aab7b8}
.controls{display:none;gap:1em;margin:.6em 0}.js .controls{display:flex}
code{font-size:13px}ul.cluster{margin:.2em 0 .8em}
#findings td:nth-child(2),#findings td:nth-child(3){white-space:nowrap}
"""

SCRIPT = """
document.documentElement.classList.add("js");
(function(){
  var table=document.getElementById("findings");
  if(!table)return;
  var rows=Array.prototype.slice.call(table.tBodies[0].rows);
  var rule=document.getElementById("rule-filter"),sev=document.getElementById("severity-filter");
  var count=document.getElementById("shown-count");
  function apply(){
    var shown=0;
    rows.forEach(function(r){
      var ok=(!rule.value||r.dataset.rule===rule.value)&&
        (!sev.value||r.dataset.severity===sev.value);
      r.hidden=!ok;if(ok)shown++;
    });
    count.textContent=shown+" of "+rows.length+" findings shown";
  }
  function fromHash(){
    var wanted={};
    location.hash.replace(/^#/,"").split("&").forEach(function(p){
      var kv=p.split("=");if(kv.length===2)wanted[kv[0]]=decodeURIComponent(kv[1]);
    });
    if(wanted.rule!==undefined)rule.value=wanted.rule;
    if(wanted.severity!==undefined)sev.value=wanted.severity;
    apply();
  }
  rule.addEventListener("change",apply);sev.addEventListener("change",apply);
  window.addEventListener("hashchange",fromHash);
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,col){
    if(!th.dataset.sort)return;
    th.addEventListener("click",function(){
      var up=th.dataset.dir!=="asc";th.dataset.dir=up?"asc":"desc";
      var key=function(r){var c=r.cells[col];return c.dataset.key||c.textContent;};
      rows.sort(function(a,b){
        var x=key(a),y=key(b);
        var n=th.dataset.sort==="number"?(parseFloat(x)-parseFloat(y)):x.localeCompare(y);
        return up?n:-n;
      });
      rows.forEach(function(r){table.tBodies[0].appendChild(r);});
    });
  });
  fromHash();
})();
"""


def render(facts: CorpusFacts, charts: dict[str, str]) -> str:
    """The whole page."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>seedcheck report: {escape(', '.join(facts.corpora))}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>seedcheck report: {escape(', '.join(facts.corpora))}</h1>",
        f'<p class="meta">Made {escape(facts.made)} by seedcheck {escape(facts.version)} '
        f"with {escape(facts.settings)}.</p>",
        _summary(facts),
        "<h2>Charts</h2>",
        '<div class="charts">',
        *(
            f'<figure class="chart" id="chart-{escape(name)}">{svg}</figure>'
            for name, svg in charts.items()
        ),
        "</div>",
        _clusters(facts),
        _findings(facts),
        f"<script>{SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _summary(facts: CorpusFacts) -> str:
    cards = [
        ("seeds", f"{facts.seeds:,}", ""),
        ("words", f"{facts.words:,}", ""),
        ("errors", f"{facts.errors:,}", "error"),
        ("warnings", f"{facts.warnings:,}", "warning"),
        ("files with findings", f"{facts.files_with_findings:,}", ""),
        ("sources", f"{facts.distinct_sources:,}", ""),
        ("bylines", f"{facts.distinct_bylines:,}", ""),
        ("duplicate clusters", f"{len(facts.clusters):,}", ""),
    ]
    html = ['<h2>Summary</h2><div class="cards" id="summary">']
    for label, value, kind in cards:
        html.append(f'<div class="card {kind}"><b>{value}</b>{escape(label)}</div>')
    html.append("</div><ul>")
    for corpus, state in facts.index_state:
        html.append(f"<li><code>{escape(corpus)}</code>: {escape(state)}</li>")
    html.append("</ul>")
    return "".join(html)


def _clusters(facts: CorpusFacts) -> str:
    html = ['<h2 id="clusters">Near-duplicate clusters</h2>']
    if not facts.clusters:
        html.append(
            "<p>No seed copies another (exact-duplicate-document, near-duplicate-document).</p>"
        )
        return "".join(html)
    html.append(
        f"<p>{len(facts.clusters)} group(s) of seeds with the same or nearly the same text; "
        "keep one of each.</p>"
    )
    for number, group in enumerate(facts.clusters, 1):
        items = "".join(f"<li><code>{escape(path)}</code></li>" for path in group)
        html.append(f'<p>Cluster {number} ({len(group)} seeds)</p><ul class="cluster">{items}</ul>')
    return "".join(html)


def _findings(facts: CorpusFacts) -> str:
    rules = sorted({(d.code, d.name) for d in facts.findings})
    options = "".join(
        f'<option value="{escape(code)}">{escape(code)} {escape(name)}</option>'
        for code, name in rules
    )
    html = [
        f'<h2 id="findings-title">Findings ({len(facts.findings):,})</h2>',
        '<div class="controls">',
        f'<label>Rule <select id="rule-filter"><option value="">all</option>{options}</select>'
        "</label>",
        '<label>Severity <select id="severity-filter"><option value="">all</option>'
        '<option value="error">error</option><option value="warning">warning</option>'
        "</select></label>",
        '<span id="shown-count"></span></div>',
    ]
    if not facts.findings:
        html.append("<p>None: every check passed.</p>")
        return "".join(html)
    html.append(
        '<table id="findings"><thead><tr><th data-sort="text">Where</th>'
        '<th data-sort="text">Severity</th><th data-sort="text">Rule</th>'
        "<th>Message</th></tr></thead><tbody>"
    )
    links: dict[str, str] = {}
    for finding in facts.findings:
        html.append(_row(finding, links))
    html.append("</tbody></table>")
    return "".join(html)


def _row(finding: Diagnostic, links: dict[str, str]) -> str:
    if finding.code not in links:
        # Every finding is a rule's, stamped with its name (see run.engine).
        links[finding.code] = rule_page_url(finding.name)
    where = f"{display_path(finding.path)}:{finding.line}"
    # Sorting by place sorts by path, then by line as a number.
    key = f"{display_path(finding.path)}\x00{finding.line:09d}"
    severity = finding.severity.value
    label = f"{escape(finding.code)} {escape(finding.name)}"
    if links[finding.code]:
        label = f'<a href="{escape(links[finding.code])}">{label}</a>'
    return (
        f'<tr data-rule="{escape(finding.code)}" data-severity="{severity}">'
        f'<td data-key="{escape(key)}"><code>{escape(where)}</code></td>'
        f'<td class="{severity}">{severity}</td><td>{label}</td>'
        f"<td>{escape(finding.message)}</td></tr>"
    )
