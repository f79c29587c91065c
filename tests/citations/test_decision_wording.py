"""CIT001 said "Resolution 70/543 is numbered in session 70 …" of "decision 70/543":
a General Assembly decision is numbered by session as a resolution is, and is checked the
same way, but the message must name what the text cites."""

from __future__ import annotations

from resolint.engine import lint


def test_a_decision_outside_its_session_is_called_a_decision():
    """CIT001 called every citation a resolution: "Resolution 70/543 is numbered …"."""
    text = "The General Assembly,\n\nRecalling its decision 70/543 of 1 January 2015,\n\n1. Decides to keep the matter under review.\n"
    (msg,) = [f.message for f in lint(text).findings if f.code == "CIT001"]
    assert msg == (
        "Decision 70/543 is numbered in session 70 (2015–2016) but dated 1 January 2015; "
        "a decision of that date belongs to session 69"
    )
