"""The World Health Assembly's sessions, as its printed volumes of resolutions give them
(the volumes the ``wha`` style's file names): one ordinary session a year since the
first, in 1948, so session n met in 1947 + n (the Twenty-eighth in 1975, the Sixty-second
in 2009, the Seventy-second in 2019). CIT014 checks cited symbols against it, DOC011 the
text's own opening, symbol and date."""

from __future__ import annotations

#: The year of the first World Health Assembly.
FIRST_SESSION_YEAR = 1948


def session_year(session: int) -> int:
    """The year the World Health Assembly's ordinary session ``session`` was held."""
    return FIRST_SESSION_YEAR + session - 1
