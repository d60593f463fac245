"""Text: normalisation, lines and positions, shingles, MinHash and LSH, excerpts.

The lowest layer: it knows nothing of seeds, indexes or corpora.
"""
