"""The resolint language server: a thin pygls adapter over pure, separately tested parts.

- :mod:`.positions`  code-point offsets <-> LSP positions in the negotiated encoding
- :mod:`.documents`  open documents and incremental text sync (LSP line breaks only)
- :mod:`.settings`   editor settings, project configuration with reload
- :mod:`.state`      one lint of one document version, converted for the client
- :mod:`.diagnostics` findings -> ``Diagnostic`` (code, link, fix in ``data``)
- :mod:`.actions`    quick fixes, "disable for this paragraph", fix-all
- :mod:`.outline`    document symbols and folding ranges
- :mod:`.hover`, :mod:`.completion`, :mod:`.definition`, :mod:`.formatting`
- :mod:`.scheduler`  debounced linting off the event loop, stale results dropped
- :mod:`.protocol`   pygls protocol tweaks: own document sync, errors for bad params
- :mod:`.server`     the features wired to pygls; ``run_server``
"""
