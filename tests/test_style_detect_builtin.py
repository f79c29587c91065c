"""detect_style tries the built-in styles' patterns compiled once, the opening's and the
title's apart, each kept for its text, and skips a pattern that cannot outrank the best
so far: it must choose what trying every pattern in order chose (the first of the
highest priority; a house style wins a tie), for any opening, title, candidates and
house styles."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint import styles
from resolint.styles import DEFAULT_STYLE, _builtin_raw, _default_reason, builtin_style_names, detect_pattern, detect_style


def _reference(opening_text, title_text, candidates=None, custom=None):
    """Every pattern tried in order (the code before the built-ins were compiled)."""
    best = None
    tables = [(name, _builtin_raw(name)[0].get("detect", {}), False) for name in candidates or builtin_style_names()]
    tables += [(name, body.get("detect", {}), True) for name, body in (custom or {}).items()]
    for name, detect, is_custom in tables:
        style_priority = int(detect.get("priority", 0))
        for where, text in (("opening", opening_text), ("title", title_text)):
            for entry in detect.get(where, []):
                pattern, priority = detect_pattern(entry, style_priority)
                m = re.search(pattern, text)
                if m and (best is None or priority > best[0] or (is_custom and priority == best[0])):
                    best = (priority, name, f"the {where} says '{m.group(0).strip('*_# ')}'")
    if best is None:
        return DEFAULT_STYLE, _default_reason(opening_text)
    return best[1], best[2]


OPENINGS = st.sampled_from([
    "", "The General Assembly,", "The Security Council,", "The ICPO-INTERPOL General Assembly,", "The Executive Board,",
    "The Seventy-eighth World Health Assembly,", "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),",
    "The Human Rights Council,", "The Disarmament and International Security Committee,", "The General Conference,", "x",
])
TITLES = st.lists(st.sampled_from([
    "A/RES/78/1", "S/RES/2720 (2023)", "WHA77.1", "EB154.R3", "GA-2023-91-RES-02", "AGN/54/RES/5", "RESOLUTION 12 (REV. DUBAI, 2018)",
    "78/10. Subject", "Sponsors: France", "FORUM: General Assembly", "Draft resolution", "A/HRC/55/L.1", "",
]), max_size=4).map("\n".join)
HOUSE = st.sampled_from([
    None,
    {"ours": {"detect": {"priority": 20, "opening": ["(?i)The Security Council"]}}},
    {"ours": {"detect": {"priority": 30, "title": ["S/RES/", {"pattern": "A/RES", "priority": 5}]}}},
    {"a": {"detect": {"priority": 10, "opening": ["General"]}}, "b": {"detect": {"priority": 10, "opening": ["Assembly"]}}},
])


@settings(max_examples=300, deadline=None)
@given(OPENINGS, TITLES, st.one_of(st.none(), st.lists(st.sampled_from(builtin_style_names()), min_size=1, unique=True)), HOUSE)
@example("The Security Council,", "A/RES/78/1", None, None)  # an opening and a title of two styles of one priority
def test_the_choice_is_that_of_every_pattern_in_order(opening, title, candidates, custom):
    assert detect_style(opening, title, candidates, custom) == _reference(opening, title, candidates, custom)


def test_an_opening_detected_again_is_not_searched_again(monkeypatch):
    """--fix's refusal asks about the opening the lint's detection read: no pattern of a
    built-in style is tried again for it."""
    opening, title = "The Security Council, reaffirming its resolutions,", "S/RES/2719 (2023)\nDraft"
    first = detect_style(opening, title)
    assert first[0] == "un-sc"

    def no_search(*args, **kwargs):
        raise AssertionError("searched again")

    monkeypatch.setattr(re, "search", no_search)
    monkeypatch.setattr(styles, "_builtin_patterns", no_search)
    assert detect_style(opening, title) == first
    assert detect_style(opening, "")[0] == "un-sc"
