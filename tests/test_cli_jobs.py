"""``--jobs``: same output in the same order whatever the job count; reports without text."""

from __future__ import annotations

import json
import os
import pickle

import pytest

from resolint.cli import main as cli
from resolint.cli import parallel
from resolint.cli.located import LocatedSource, slim
from resolint.cli.render import RENDERERS, RenderOptions, json_entry, json_entry_pieces
from resolint.cli.report import FileReport
from resolint.engine import lint


def _draft(i: int) -> str:
    # Each draft differs (number of paragraphs, a different slip) so an out-of-order
    # report would show in the output.
    paras = "\n\n".join(f"{n}. Decides to act on item {n}{';' if n % 2 else '.'}" for n in range(1, i + 3))
    return f"The General Assembly\n\nRecalling its resolution 74/{i} of 1 October 2019;\n\n{paras}\n\n- Requests a report\n"


def test_one_worker_for_small_inputs_and_for_one_file():
    assert parallel.workers_for(2, [5_000] * 300) == 1  # 1.5 MB: not worth a fork
    assert parallel.workers_for(2, [50_000_000]) == 1  # one file cannot be split
    assert parallel.workers_for(2, [1_000_000] * 20) == 2
    assert parallel.workers_for(8, [1_000_000] * 3) == 3  # never more workers than files
    assert parallel.workers_for(1, [1_000_000] * 20) == 1


def test_run_keeps_the_order_of_the_work():
    work = list(range(200))
    assert list(parallel.run(_square, work, 2)) == [n * n for n in work]


def _square(n: int) -> int:
    return n * n


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_jobs_change_nothing_in_the_output(tmp_path, monkeypatch, capsys, fmt):
    for i in range(12):
        (tmp_path / f"d{i:02}.res.txt").write_text(_draft(i), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2", "3"):
        # Force real workers on these small files (on their own they would not pay).
        monkeypatch.setattr(parallel, "BYTES_PER_WORKER", 1)
        code = cli.main(["check", "--format", fmt, "--jobs", jobs, "--color", "never", str(tmp_path)])
        outputs.append((code, capsys.readouterr().out))
    assert outputs[0][0] == 1
    assert outputs[0][1].count("d00.res.txt") >= 1
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]
    # The order of the paths, not of completion.
    positions = [outputs[0][1].find(f"d{i:02}.res.txt") for i in range(12)]
    assert positions == sorted(positions)


def test_slimmed_report_renders_exactly_like_the_full_one():
    text = _draft(3) + "\n\n3. Welcomes\tthe report of the Secretary\u2011General;\n"
    result = lint(text)
    assert any(f.fix for f in result.findings)
    full = FileReport("d.res.txt", result.source, result.style.name, result.style.detected_because, list(result.findings))
    light = slim(FileReport("d.res.txt", result.source, result.style.name, result.style.detected_because, list(result.findings)))
    assert isinstance(light.source, LocatedSource)
    for fmt, render in RENDERERS.items():
        assert render([light], RenderOptions()) == render([full], RenderOptions()), fmt


def test_a_slimmed_report_does_not_carry_the_text():
    # One long preambular paragraph over many lines, with no finding on its inner lines.
    clean = "Noting with appreciation the work of the committees\n" + "and of the Quokka group on their agenda\n" * 200
    text = "The General Assembly,\n\n" + clean.rstrip("\n") + ",\n\n1. Decides to act;\n"
    result = lint(text)
    assert result.findings  # the last paragraph ends with a semicolon
    report = slim(FileReport("d.res.txt", result.source, result.style.name, "", list(result.findings)))
    data = pickle.dumps(report)
    assert b"Quokka" not in data and len(data) < len(text) / 10
    assert len(report.source) == len(text)


def test_an_empty_text_stays_falsy_for_the_renderers():
    result = lint("")
    report = slim(FileReport("e.res.txt", result.source, result.style.name, "", list(result.findings)))
    assert not report.source


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_streamed_report_is_the_whole_report_written_early(tmp_path, monkeypatch, capsys, fmt):
    for i in range(4):
        (tmp_path / f"d{i}.res.txt").write_text(_draft(i), encoding="utf-8")
    (tmp_path / "empty.res.txt").write_text("", encoding="utf-8")
    args = ["check", "--format", fmt, "--color", "never", str(tmp_path)]
    seen_before: list[str] = []
    check = cli._check_path

    def spy(job):
        seen_before.append(capsys.readouterr().out)  # what was written before this file was read
        return check(job)

    monkeypatch.setattr(cli, "_check_path", spy)
    code = cli.main(args)
    streamed = "".join(seen_before) + capsys.readouterr().out
    assert "d0.res.txt" in seen_before[1]  # the first file's part came out before the second was checked
    monkeypatch.setattr(cli, "can_stream", lambda *a: False)
    assert cli.main(args) == code
    assert capsys.readouterr().out == streamed


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_file_with_thousands_of_findings_streams_as_it_renders_whole(tmp_path, capsys, monkeypatch, fmt):
    """Its findings are written in batches (3,000 lines of text, 1,000 findings of JSON)."""
    word = "a\u00adb" * 2500  # one TRM014 finding per soft hyphen
    (tmp_path / "many.res.txt").write_text(f"The General Assembly,\n\nRecalling {word},\n\n1. Decides to act.\n", encoding="utf-8")
    args = ["check", "--format", fmt, "--color", "never", str(tmp_path)]
    code = cli.main(args)
    streamed = capsys.readouterr().out
    assert streamed.count("TRM014") == 2500
    monkeypatch.setattr(cli, "can_stream", lambda *a: False)
    assert cli.main(args) == code
    assert capsys.readouterr().out == streamed


@pytest.mark.parametrize("extra", [{}, {"error": "could not read"}, {"diff": "--- a\n+++ b\n"}])
@pytest.mark.parametrize("count", [0, 1, 999, 1000, 1001, 2500])
def test_a_files_json_part_in_pieces_is_its_json_whole(count, extra):
    """A file's part of the JSON report is written a thousand findings at a time (a file
    with 100,000 findings held 500 MB of dicts and string, 150 MB now): the same bytes."""
    word = "a\u00adb" * count  # one TRM014 finding per soft hyphen
    result = lint(f"The General Assembly,\n\nRecalling {word} “x”,\n\n1. Decides to act.\n")
    report = FileReport("d\u00e9.res.txt", result.source, result.style.name, "", list(result.findings), **extra)
    assert sum(f.code == "TRM014" for f in report.findings) == count
    assert "".join(json_entry_pieces(report)) == json.dumps(json_entry(report), ensure_ascii=False)


@pytest.mark.parametrize(
    ("cpu_max", "cap"),
    [("200000 100000\n", 2), ("50000 100000\n", 1), ("max 100000\n", None), ("", None), ("not numbers\n", None)],
)
def test_usable_cores_follow_the_control_groups_cpu_cap(tmp_path, monkeypatch, cpu_max, cap):
    pinned = 8  # whatever this machine has
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(pinned)), raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: pinned)
    limit = tmp_path / "cpu.max"
    limit.write_text(cpu_max, encoding="ascii")
    assert parallel.usable_cores(str(limit)) == (pinned if cap is None else min(pinned, cap))
    assert parallel.usable_cores(str(tmp_path / "absent")) == pinned


def test_usable_cores_are_those_the_process_may_run_on(monkeypatch, tmp_path):
    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this system")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 5})
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert parallel.usable_cores(str(tmp_path / "absent")) == 2


def test_by_default_files_are_linted_in_one_process_per_usable_core(tmp_path, monkeypatch, capsys):
    for i in range(6):
        (tmp_path / f"d{i}.res.txt").write_text(_draft(i), encoding="utf-8")
    monkeypatch.setattr(parallel, "BYTES_PER_WORKER", 1)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 3)
    asked = []
    real_run = parallel.run

    def spy(fn, work, workers):
        asked.append(workers)
        return real_run(fn, work, 1)

    monkeypatch.setattr(parallel, "run", spy)
    cli.main(["check", "--format", "json", str(tmp_path)])
    cli.main(["check", "--format", "json", "--jobs", "1", str(tmp_path)])
    capsys.readouterr()
    assert asked == [3, 1]


@pytest.mark.parametrize("value", ["-1", "two"])
def test_a_jobs_count_that_is_no_count_is_a_usage_error(value):
    """``--jobs -1`` was taken as 0 (one process per core) without a word."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "resolint", "check", "--jobs", value, "-"], input=b"", capture_output=True, timeout=60)
    assert proc.returncode == 2 and b"--jobs" in proc.stderr
