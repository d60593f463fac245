"""unused-suppression: a seed's ``seedcheck: {ignore: [...]}`` silences nothing.

Why: a suppression outlives the problem it was written for. Once the seed is fixed (or
the rule changed), it would silently hide the next, different problem of that rule in
the seed. One that names no rule at all is a typo that silences nothing.

Example::

    ---
    title: Harbor Council Approves Floodwall
    byline: Marta Ilić
    seedcheck:
      ignore: [duplicate-line]     # no line of this seed is printed twice
    ---

Fix: remove the rule from ``ignore`` (and the ``seedcheck`` field when nothing is left),
or correct its name. A suppression of a rule the run does not select (``--select``,
``ignore``) is not reported: that run cannot tell whether it is used.
"""

from __future__ import annotations

from seedcheck.diagnostic import Severity
from seedcheck.rules.base import Rule

# Made where suppressions are applied (config.suppressions), after every other rule: no
# check of its own.
RULE = Rule(
    "SC701",
    "unused-suppression",
    Severity.WARNING,
    "A seed's seedcheck.ignore names a rule that finds nothing there.",
    __doc__ or "",
)
