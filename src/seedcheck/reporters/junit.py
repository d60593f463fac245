"""JUnit XML output, for CI systems that show test results.

One ``<testcase>`` per checked file (each seed and INDEX.md), named by its path; one
``<failure>`` per finding in it, whose ``message`` is ``CODE [name] message`` and whose
text is the finding's text line. Warnings are failures too, marked by ``type``, since
JUnit has no milder kind. ``failures`` counts the test cases that failed (files with
findings), not the findings, so that tests minus failures is what passed. The XML is
built with ElementTree, so everything is escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from seedcheck.diagnostic import Diagnostic
from seedcheck.display import display_path
from seedcheck.report import Report
from seedcheck.reporters.text import TextReporter
from seedcheck.text.excerpt import escape

# XML 1.0 cannot hold these characters at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text: str) -> str:
    # Paths and messages are one line each, escaped as in the text output; XML 1.0
    # would allow a C1 control or a line break, a terminal showing the file would act on it.
    return _NOT_XML.sub(_escaped, escape(text))


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    shown = escape(character)
    # escape() keeps the noncharacters U+FFFE and U+FFFF: a line of text may hold them.
    return shown if shown != character else f"\\u{ord(character):04x}"


class JunitReporter(TextReporter):
    name = "junit"

    def render(self, report: Report, out: TextIO) -> None:
        by_path: dict[str, list[Diagnostic]] = defaultdict(list)
        for diagnostic in report.diagnostics:
            by_path[self.path(diagnostic)].append(diagnostic)
        shown = [display_path(path, self.options.cwd) for path in report.checked]
        # A finding may sit in a file that was not named (an INDEX.md row about a seed).
        paths = list(dict.fromkeys(shown)) + sorted(set(by_path) - set(shown))
        # Readers take passed = tests - failures: count failing files, not findings.
        failures = len(by_path)
        counts = {"tests": str(len(paths)), "failures": str(failures), "errors": "0"}
        suites = ET.Element("testsuites", {"name": "seedcheck", **counts, "time": "0"})
        suite = ET.SubElement(
            suites, "testsuite", {"name": "seedcheck", **counts, "skipped": "0", "time": "0"}
        )
        for path in paths:
            case = ET.SubElement(
                suite, "testcase", name=_xml_text(path), classname="seedcheck", time="0"
            )
            case.set("file", _xml_text(path))
            for d in by_path.get(path, ()):
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=_xml_text(f"{d.code} [{d.name}] {d.message}"),
                    type=f"{d.severity.value} {d.code}",
                )
                failure.text = _xml_text(self.line(d))
        ET.indent(suites)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(suites, encoding="unicode"))
        out.write("\n")
