"""Request results the server writes as JSON text itself, and the pieces to write them.

pygls turns a result into JSON through cattrs, which walks every attribute of every
object by its declared type. For the outline of a 1 MB compilation (11,000 symbols,
2.8 MB of JSON) building the lsprotocol objects took 0.18 s in the lint worker and
writing them 0.08-0.14 s on the event loop, on every version while VS Code shows the
outline or the breadcrumbs: the keystroke after waited for both. A result given as
:class:`JsonText` is sent as it is (:class:`resolint.lsp.protocol.ResolintProtocol`), so
it can be put together from pieces kept between versions (:mod:`resolint.lsp.outline`).
``tests/lsp/test_outline_json.py`` reads the text back through lsprotocol's converter.
"""

from __future__ import annotations

import json
import re


class JsonText(str):
    """A request's result already written as JSON (ASCII only: ``json.dumps`` escapes
    the rest, so its length in characters is its length in bytes)."""


def response_text(msg_id: int | str | None, result: JsonText) -> str:
    """The JSON-RPC response to request ``msg_id`` whose result is ``result``."""
    return f'{{"id":{json.dumps(msg_id)},"jsonrpc":"2.0","result":{result}}}'


def range_text(start: tuple[int, int], end: tuple[int, int]) -> str:
    """An LSP range from two (line, character) positions."""
    return (f'{{"start":{{"line":{start[0]},"character":{start[1]}}},'
            f'"end":{{"line":{end[0]},"character":{end[1]}}}}}')


def symbol_text(name: str, kind: int, range_: str, selection: str, children: list[str] | None = None,
                detail: str | None = None) -> str:
    """A ``DocumentSymbol`` (ranges and children already written)."""
    out = ['{"name":', json.dumps(name)]
    if detail is not None:
        out += [',"detail":', json.dumps(detail)]
    out += [f',"kind":{int(kind)},"range":', range_, ',"selectionRange":', selection]
    if children:
        out += [',"children":[', ",".join(children), "]"]
    out.append("}")
    return "".join(out)


def list_text(items: list[str]) -> JsonText:
    """A JSON array of items already written."""
    return JsonText("[" + ",".join(items) + "]")


#: A line number in JSON text the server wrote (a name's own quotes are escaped, so
#: ``"line":`` inside one reads ``\"line\":`` and is never taken for a field).
_LINE_FIELD = re.compile(r'(?<="line":)(\d+)')


class MovableText:
    """JSON text of something that starts on ``line`` (a symbol with its ranges), kept
    to be given again where it starts on another line: the same text with every
    ``"line"`` moved by as many lines. A line break typed above a paragraph moves it
    and everything after it; writing each such symbol again was most of the outline's
    answer after an Enter in a long draft."""

    __slots__ = ("line", "text", "_pieces")

    def __init__(self, line: int, text: str) -> None:
        self.line, self.text = line, text
        self._pieces: tuple[list[str], list[int]] | None = None  # split on first move

    def at(self, line: int) -> str:
        """The text as it reads where it starts on ``line``."""
        if line != self.line:
            if self._pieces is None:
                split = _LINE_FIELD.split(self.text)
                self._pieces = (split[0::2], [int(n) - self.line for n in split[1::2]])
            between, lines = self._pieces
            out = [between[0]]
            for n, after in zip(lines, between[1:], strict=True):
                out += (str(n + line), after)
            self.line, self.text = line, "".join(out)
        return self.text
