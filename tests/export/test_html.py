"""The HTML rendering: italic openers and hanging numbers, checked in a real browser.

Headless Chromium (Debian's ``chromium``) loads the page with a measuring script added,
and ``--dump-dom`` returns what the browser computed: the font style of openers and
where numbers and texts start. A screenshot is kept for a person to look at
(``RESOLINT_ARTIFACTS`` or the test's tmp folder). Without Chromium the browser test is
skipped, unless ``RESOLINT_REQUIRE_CHROMIUM=1`` (CI's export stage) makes that a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from resolint.export import export
from tests.export.conftest import linted

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"]

MEASURE = """
<script>
window.addEventListener('load', () => {
  const box = el => el.getBoundingClientRect();
  const ops = [...document.querySelectorAll('.op, .sub')].map(div => {
    const num = div.querySelector(':scope > .num'), text = div.querySelector(':scope > .body-text');
    const first = text.querySelector('p');
    return {id: div.id, num: num.textContent, numLeft: box(num).left, textLeft: box(text).left,
            numTop: box(num).top, textTop: box(first).top,
            textRight: box(text).right, lines: Math.round(box(text).height / parseFloat(getComputedStyle(text).lineHeight))};
  });
  const italics = [...document.querySelectorAll('p > i')].map(i => [i.textContent, getComputedStyle(i).fontStyle]);
  const formula = getComputedStyle(document.querySelector('.formula')).fontStyle;
  const out = document.createElement('pre');
  out.id = 'measure';
  out.textContent = JSON.stringify({ops, italics, formula});
  document.body.appendChild(out);
});
</script>
"""


def test_html_structure_without_a_browser():
    page = export(linted("ga-adopted.txt"), "html").decode()
    assert '<p class="formula">The General Assembly,</p>' in page
    assert '<p class="pp"><i>Recalling</i> its resolution <a class="ref" href="/akn/un/statement/deliberation/unga/2023-12-05/78-101">78/101</a>' in page
    assert re.search(r'<div class="op" id="para_2"><span class="num">2\.</span><div class="body-text"><p><i>Calls upon</i>', page)
    assert '<time datetime="2025-12-10">10 December 2025</time>' in page


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        if os.environ.get("RESOLINT_REQUIRE_CHROMIUM") == "1":
            pytest.fail("RESOLINT_REQUIRE_CHROMIUM=1 but chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    return exe


def test_rendered_in_chromium(tmp_path: Path):
    exe = chromium()
    page = export(linted("ga-adopted.txt"), "html").decode()
    html_file = tmp_path / "ga-adopted.html"
    html_file.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    env = dict(os.environ, HOME=str(tmp_path))
    dom = subprocess.run([exe, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=900,1200",
                          "--virtual-time-budget=3000", "--dump-dom", html_file.as_uri()],
                         capture_output=True, text=True, timeout=120, env=env)
    m = re.search(r'<pre id="measure">(.*?)</pre>', dom.stdout, re.S)
    assert m, dom.stderr[-2000:]
    data = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    # Openers (preambular and operative) and the opening are italic as the UN prints them.
    assert [t for t, style in data["italics"] if style == "italic"] == [
        "Recalling", "Noting with appreciation", "Bearing in mind", "Welcomes", "Calls upon", "Requests"]
    assert data["formula"] == "italic"
    # Hanging numbers: each number sits left of its text, and texts of one level share a margin.
    ops = {o["id"]: o for o in data["ops"]}
    assert [ops[k]["num"] for k in ("para_1", "para_2", "para_3")] == ["1.", "2.", "3."]
    for o in data["ops"]:
        assert o["numLeft"] < o["textLeft"], o
        assert abs(o["numTop"] - o["textTop"]) < 2, f"number and first line on one line: {o}"
    assert ops["para_1"]["textLeft"] == ops["para_3"]["textLeft"]
    assert ops["para_3"]["lines"] >= 2, "a long paragraph wraps under its own text, not under the number"
    sub_a = ops["para_2__subpara_a"]
    assert sub_a["numLeft"] >= ops["para_2"]["textLeft"] - 1, "sub-paragraphs hang inside their paragraph's text"

    shot_dir = Path(os.environ.get("RESOLINT_ARTIFACTS", tmp_path))
    shot_dir.mkdir(parents=True, exist_ok=True)
    shot = shot_dir / "export-ga-adopted.png"
    html_file.write_text(page, encoding="utf-8")
    subprocess.run([exe, *FLAGS, f"--user-data-dir={tmp_path / 'profile2'}", "--window-size=900,1200",
                    f"--screenshot={shot}", html_file.as_uri()], capture_output=True, timeout=120, env=env)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000, "a screenshot with text on it"
