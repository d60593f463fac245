"""``seedcheck server``: the findings of ``validate`` in an editor, over the Language Server
Protocol. Only this package imports pygls and lsprotocol (the ``seedcheck[server]`` extra)."""
