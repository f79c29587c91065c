"""resolint.entrypoints reads the entry points importlib.metadata reads, in its order."""

import subprocess
import sys
from importlib.metadata import entry_points as std_entry_points

import pytest

from resolint import entrypoints
from resolint.entrypoints import EntryPoint, entry_points


@pytest.mark.parametrize("group", ["resolint.rules", "resolint.styles", "console_scripts", "pytest11"])
def test_same_entry_points_as_importlib_metadata(group):
    expected = [(ep.name, ep.value, ep.group) for ep in std_entry_points(group=group)]
    assert [(ep.name, ep.value, ep.group) for ep in entry_points(group)] == expected


def test_first_distribution_of_a_name_wins(tmp_path, monkeypatch):
    for folder, value in (("first", "pack_a:rules"), ("second", "pack_b:rules")):
        info = tmp_path / folder / "Some.Pack-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "entry_points.txt").write_text(f"# comment\n[resolint.rules]\nextra = {value}\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "first"), str(tmp_path / "second"), str(tmp_path / "missing")])
    entrypoints._all.cache_clear()
    try:
        assert entry_points("resolint.rules") == (EntryPoint("extra", "pack_a:rules", "resolint.rules"),)
        std = [(ep.name, ep.value, ep.group) for ep in std_entry_points(group="resolint.rules")]
        assert [(ep.name, ep.value, ep.group) for ep in entry_points("resolint.rules")] == std
    finally:
        entrypoints._all.cache_clear()


def test_load_imports_module_and_attributes():
    assert EntryPoint("x", "os.path:join", "g").load() is __import__("os").path.join
    assert EntryPoint("x", "os.path [extra]", "g").load() is __import__("os").path


def test_a_zip_on_sys_path_is_left_to_importlib_metadata(tmp_path, monkeypatch):
    archive = tmp_path / "lib.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    entrypoints._all.cache_clear()
    try:
        assert entrypoints._all() is None
        expected = [(ep.name, ep.value, ep.group) for ep in std_entry_points(group="resolint.rules")]
        assert [(ep.name, ep.value, ep.group) for ep in entry_points("resolint.rules")] == expected
    finally:
        entrypoints._all.cache_clear()


def test_a_check_run_does_not_import_importlib_metadata(tmp_path):
    draft = tmp_path / "d.res.txt"
    draft.write_text("The General Assembly,\n\nRecalling its resolution 74/1,\n\n1. Decides to remain seized of the matter.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from resolint.cli.main import main\n"
        f"rc = main(['check', '--format', 'json', {str(draft)!r}])\n"
        "sys.stderr.write(str('importlib.metadata' in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert '"code"' in out.stdout or '"files"' in out.stdout
    assert out.stderr.strip().splitlines()[-1] == "False"
