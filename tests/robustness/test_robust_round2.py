"""Issue 18, round two: fixes that keep lists, a fix loop that always applies what it
can, fix clash checks in one sweep, and configuration that reads only what it should.
Every draft here is invented."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from resolint.config import ConfigError, load_settings, parse_size
from resolint.engine import lint
from resolint.fixes import _clash, _self_clash, fix_text
from resolint.source import Span

# ------------------------------------------------------------------ lists and safe fixes

LIST_DRAFTS = [
    # a numbered paragraph introducing bullets (the parser reads them as paragraphs)
    "The Security Council,\n\nRecalling its work,\n\n1. Decides to act;\n\n"
    "2. Asks the Panel to report, and stresses that the report should cover:\n\n"
    "• progress in the invented programme,\n\n• the views of the regions;\n\n"
    "3. Decides to remain seized of the matter.\n",
    # dashes as bullets, lower case items
    "The General Assembly,\n\nNoting the plan,\n\n1. Invites the bodies to consider:\n\n"
    "- cooperation among the invented agencies;\n\n- exchange of data;\n\n2. Decides to act.\n",
    # unbulleted lower-case items right after a colon
    "The General Assembly,\n\nNoting the plan,\n\n1. Requests that the plan include:\n\n"
    "reports on the invented lakes,\n\nreviews of the invented rivers;\n\n2. Decides to act.\n",
]


@pytest.mark.parametrize("text", LIST_DRAFTS)
@pytest.mark.parametrize("unsafe", [False, True])
def test_safe_fixes_keep_what_a_list_introduces(text, unsafe):
    out = fix_text(text, lint, unsafe=False).text
    for line in text.split("\n\n"):
        if line.endswith(":"):
            assert line in out, f"the colon introducing the list was changed:\n{out}"
        if line[:2] in ("• ", "- ") or (line[:1].islower()):
            assert line.split(" ", 2)[:2] == next(l for l in out.split("\n\n") if l.endswith(line[-20:])).split(" ", 2)[:2], out


def test_colon_with_real_subparagraphs_is_still_checked():
    # The guard protects lists only: a colon ending a paragraph with nothing after it is
    # still reported and fixed.
    text = "The General Assembly,\n\nNoting the plan,\n\n1. Requests the plan:\n\n2. Decides to act.\n"
    assert any(f.code == "OPR007" for f in lint(text).findings)


def _out_of_order(n: int) -> str:
    letters = [chr(ord("a") + i) for i in range(26)] + [c * 2 for c in "abcdefghijklmnopqrstuvwxyz"]
    rng = random.Random(n)
    order = letters * (n // len(letters) + 1)
    rng.shuffle(order)
    items = "\n\n".join(f"({order[i]}) to do item {i}," for i in range(n))
    return f"The General Assembly,\n\nRecalling its work,\n\n1. Requests:\n\n{items}\n\n2. Decides to act.\n"


@pytest.mark.parametrize("n", [30, 60, 84, 120])
def test_unsafe_fixes_apply_at_least_what_safe_fixes_apply(n):
    text = _out_of_order(n)
    safe = fix_text(text, lint, unsafe=False)
    both = fix_text(text, lint, unsafe=True)
    assert both.applied >= safe.applied > 0
    assert "({{)" not in both.text and "{" not in both.text  # no label past "zz"


def test_a_relabel_past_what_labels_can_say_is_not_offered():
    text = _out_of_order(60)
    for f in lint(text).findings:
        if f.code == "OPR008" and f.fix is not None:
            assert all(e.new_text.strip("()").isalpha() and len(e.new_text) <= 4 for e in f.fix.edits)


def test_self_clash_agrees_with_the_pairwise_definition():
    rng = random.Random(7)
    for _ in range(3000):
        spans = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, 20)
            spans.append(Span(a, a + rng.choice([0, 0, 1, 2, 5])))
        pairwise = any(_clash(a, b) for k, a in enumerate(spans) for b in spans[k + 1 :])
        assert _self_clash(spans) == pairwise, spans


# ------------------------------------------------------------------ configuration reads

STYLE = 'style = "house"\n[styles.house]\nextends = "un-ga"\n[styles.house.openers]\npreambular = [{}, "Recalling"]\n'


def _config(tmp_path: Path, body: str) -> Path:
    cfg = tmp_path / "proj" / "resolint.toml"
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text(body, encoding="utf-8")
    return cfg


@pytest.mark.parametrize("include", ['"@/etc/hostname"', '"@../secret.txt"', '"@sub/../../secret.txt"', '"@nothing-here.txt"'])
def test_includes_outside_the_folder_are_configuration_errors(tmp_path, include):
    (tmp_path / "secret.txt").write_text("Secret phrase\n", encoding="utf-8")
    cfg = _config(tmp_path, STYLE.format(include))
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert "styles.house" in str(err.value)


def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("Secret phrase\n", encoding="utf-8")
    cfg = _config(tmp_path, STYLE.format('"@link.txt"'))
    (cfg.parent / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ConfigError, match="outside"):
        load_settings(cfg)


def test_a_binary_include_is_a_configuration_error(tmp_path):
    cfg = _config(tmp_path, STYLE.format('"@bin.dat"'))
    (cfg.parent / "bin.dat").write_bytes(b"\x7fELF\xff\xfe\x00\x01")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_settings(cfg)


def test_an_include_beside_the_config_is_read(tmp_path):
    cfg = _config(tmp_path, STYLE.format('"@phrases/house.txt"'))
    (cfg.parent / "phrases").mkdir()
    (cfg.parent / "phrases" / "house.txt").write_text("# ours\nZorbling\n", encoding="utf-8")
    settings = load_settings(cfg)
    assert "Zorbling" in settings.styles["house"]["openers"]["preambular"]
    from resolint.styles import load_style

    assert "Zorbling" in load_style("house", settings.styles).preambular


def test_the_package_data_stays_reachable_and_nothing_else(tmp_path):
    from resolint.styles import StyleError, _data_lines, data_file

    assert data_file("/etc/hostname") is None and data_file("../../../../etc/hostname") is None
    with pytest.raises(StyleError):
        _data_lines("/etc/hostname")


@pytest.mark.parametrize(
    "body,key",
    [
        ("max-file-size = nan\n", "max-file-size"),
        ("[rules.OPR001]\nlimit = inf\n", "rules.OPR001.limit"),
        ("[rules.OPR001]\nlimit = -inf\n", "rules.OPR001.limit"),
        ('max-file-size = "' + "9" * 400 + 'MB"\n', "max-file-size"),
        ("select = " + "[" * 5000 + "]" * 5000 + "\n", ""),
        ("select = " + "[" * 40 + '"PRE"' + "]" * 40 + "\n", "select"),
    ],
)
def test_hostile_values_are_configuration_errors(tmp_path, body, key):
    cfg = _config(tmp_path, body)
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert err.value.key == key


def test_parse_size_never_overflows():
    assert parse_size("9" * 400 + "GB") is None
    assert parse_size(10**30) is None
    assert parse_size("10MB") == 10_000_000


def test_long_and_circular_extend_chains_are_configuration_errors(tmp_path):
    d = tmp_path / "chain"
    d.mkdir()
    for i in range(200):
        (d / f"c{i}.toml").write_text(f'extend = "c{i + 1}.toml"\n' if i < 199 else "", encoding="utf-8")
    with pytest.raises(ConfigError, match="extend one another"):
        load_settings(d / "c0.toml")
    (d / "a.toml").write_text('extend = "b.toml"\n', encoding="utf-8")
    (d / "b.toml").write_text('extend = "a.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="loop"):
        load_settings(d / "a.toml")
