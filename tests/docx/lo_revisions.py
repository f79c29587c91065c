"""Drive LibreOffice through UNO: accept or reject all tracked changes, save, read back.

Run with the *system* Python (``/usr/bin/python3``, which has Debian's python3-uno; a venv
does not), as ``python3 lo_revisions.py JOBS.json RESULTS.json``. JOBS is a list of
``{"src": path, "accept": path|null, "reject": path|null, "pdf": path|null}``: for each,
the document is opened hidden, all changes accepted (or, reloaded, rejected) with
LibreOffice's own commands, and saved as Word 2007 XML; ``pdf`` exports the document as
it is (changes and comments shown). RESULTS gets, per job and state, the paragraphs as
LibreOffice sees them: ``[list label, text]``.

One office process serves every job (it starts in a few seconds; a job takes a fraction
of one), with a private profile and a named pipe, so nothing clashes with another office.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office():
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "resolint_" + uuid.uuid4().hex[:12]
    proc = subprocess.Popen(
        [
            shutil.which("soffice") or "soffice", "--headless", "--invisible", "--norestore", "--nologo",
            f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                raise SystemExit("LibreOffice did not start") from None
            time.sleep(0.3)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    return proc, profile, desktop, dispatcher


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def paragraphs(doc):
    out = []
    en = doc.getText().createEnumeration()
    while en.hasMoreElements():
        el = en.nextElement()
        if not el.supportsService("com.sun.star.text.Paragraph"):
            continue  # a table
        label = el.getPropertyValue("ListLabelString") if el.getPropertySetInfo().hasPropertyByName("ListLabelString") else ""
        out.append([label or "", el.getString()])
    return out


def run_state(desktop, dispatcher, src, command, dest):
    doc = desktop.loadComponentFromURL(url(src), "_blank", 0, (prop("Hidden", True),))
    try:
        if command:
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        paras = paragraphs(doc)
        if dest:
            filt = "writer_pdf_Export" if dest.endswith(".pdf") else "MS Word 2007 XML"
            doc.storeToURL(url(dest), (prop("FilterName", filt),))
        return paras
    finally:
        doc.close(True)


def main(jobs_path, results_path):
    with open(jobs_path, encoding="utf-8") as fh:
        jobs = json.load(fh)
    proc, profile, desktop, dispatcher = start_office()
    results = []
    try:
        for job in jobs:
            res = {}
            if job.get("accept"):
                res["accept"] = run_state(desktop, dispatcher, job["src"], ".uno:AcceptAllTrackedChanges", job["accept"])
            if job.get("reject"):
                res["reject"] = run_state(desktop, dispatcher, job["src"], ".uno:RejectAllTrackedChanges", job["reject"])
            if job.get("pdf"):
                res["shown"] = run_state(desktop, dispatcher, job["src"], None, job["pdf"])
            results.append(res)
    finally:
        with contextlib.suppress(Exception):
            desktop.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    with open(results_path, "w", encoding="utf-8") as fh:
        json.dump(results, fh)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
