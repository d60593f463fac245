"""``seedcheck report``: a corpus at a glance, as one self-contained HTML page or a short
Markdown summary. Only :mod:`.charts` imports matplotlib (the ``seedcheck[report]``
extra), and only for the HTML page."""
