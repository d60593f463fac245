"""Rule options: the configuration values rules read, decided once per run.

Rules stay pure: the engine hands them a :class:`RuleOptions` built from the settings
(``options_from`` in ``config.py``), never the settings object itself. The dataclass is
frozen and picklable, so it can travel to worker processes and key a cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from seedcheck.seed.summary import Signing


@dataclass(frozen=True)
class RuleOptions:
    """Thresholds and patterns of the configurable rules; defaults are documented per rule."""

    body_min_words: int = 50
    duplicate_shingle_words: int = 8
    duplicate_min_words: int = 20
    doubled_line_min_chars: int = 20
    repeated_line_min_chars: int = 40
    boilerplate_patterns: tuple[str, ...] = ()
    # near-duplicate-document: see that rule's docs for the banding trade-off.
    near_duplicate_threshold: float = 0.8
    near_duplicate_permutations: int = 128
    near_duplicate_bands: int = 32
    near_duplicate_min_shingles: int = 20

    @property
    def signing(self) -> Signing:
        """How seed summaries are signed for near-duplicate-document."""
        return Signing(
            self.near_duplicate_permutations,
            self.near_duplicate_bands,
            self.near_duplicate_min_shingles,
        )
