// End-to-end test of the packaged extension in a real VS Code: code-server (VS Code in
// the browser, with the real extension host and the real resolint server process)
// driven through Debian's Chromium by playwright-core, as a person would use it:
// keyboard, Problems panel, quick fix menu, command palette, outline, settings file.
//
// Inputs (environment):
//   RESOLINT_PYTHON  a Python with resolint installed (required)
//   VSIX             the packaged extension        (default dist/resolint.vsix)
//   CODE_SERVER      the code-server executable     (default .e2e/tools/node_modules/.bin/code-server)
//   CHROMIUM         the browser                    (default /usr/bin/chromium)
//   E2E_KEEP=1       keep the run folder (.e2e/run: profile, logs, workspace)
//   E2E_WHEELHOUSE   a folder of resolint's dependencies as wheels (not resolint itself).
//                    With it, pip runs with no package index at all (PIP_NO_INDEX) and
//                    the test accepts the offer of a private environment: resolint can
//                    then only come from the wheel bundled in the .vsix.
// Output: one line per check, .e2e/screenshot.png (and failure-N.png), and a last line
// "e2e: N passed, N failed". Exit status 0 only if every check passed.
//
// The drafts in e2e/workspace/ were written for this test; `resolint check` finds exactly
// PRE004 (a preambular paragraph ending with '.') and OPR001 (an unnumbered operative
// paragraph) in draft.res.txt, and one PRE004 in each of the two other drafts.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { installExtension, prepareProfile, startCodeServer } from "./codeServer.mjs";
import { assert, Checks, lineOf, log, sleep, waitFor } from "./harness.mjs";
import { Workbench } from "./workbench.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const extRoot = path.resolve(here, "..");
const e2eDir = path.join(extRoot, ".e2e");
const python = process.env.RESOLINT_PYTHON;
const vsix = path.resolve(process.env.VSIX ?? path.join(extRoot, "dist", "resolint.vsix"));
const codeServer = process.env.CODE_SERVER ?? path.join(e2eDir, "tools", "node_modules", ".bin", "code-server");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

const checks = new Checks(async (n) => {
  log(`  Problems panel rows: ${JSON.stringify(wb?.lastProblemRows ?? [])}`);
  await page?.screenshot({ path: path.join(e2eDir, `failure-${n}.png`) }).catch(() => {});
});
const check = checks.check.bind(checks);

function fatal(msg) {
  console.error(`e2e: ${msg}`);
  checks.fail("setup", msg);
  process.exit(checks.summary());
}

// ---------------------------------------------------------------- set up

const wheelhouse = process.env.E2E_WHEELHOUSE ? path.resolve(process.env.E2E_WHEELHOUSE) : undefined;
if (wheelhouse) {
  // Inherited by code-server, its extension host and the pip the extension runs.
  Object.assign(process.env, { PIP_NO_INDEX: "1", PIP_FIND_LINKS: wheelhouse, PIP_CONFIG_FILE: "/dev/null" });
}

if (!python) fatal("set RESOLINT_PYTHON to a Python that has resolint installed");
if (spawnSync(python, ["-c", "import resolint"]).status !== 0) fatal(`${python} cannot import resolint`);
for (const [what, p] of [["VSIX", vsix], ["code-server", codeServer], ["chromium", chromiumPath]]) {
  if (!existsSync(p)) fatal(`${what} not found at ${p}`);
}

// The workspace as a user would configure it. codeActionsOnSave acts on explicit saves
// only, and the scenario saves nothing but save.res.txt.
const WORKSPACE_SETTINGS = {
  "resolint.interpreter": python,
  "resolint.extraGlobs": ["**/drafts/*.md"],
  "editor.codeActionsOnSave": { "source.fixAll.resolint": "explicit" },
};
const dirs = prepareProfile(path.join(e2eDir, "run"), path.join(here, "workspace"), WORKSPACE_SETTINGS);
const { ws, userDir } = dirs;
const settingsFile = path.join(ws, ".vscode", "settings.json");
const writeSettings = (s) => writeFileSync(settingsFile, JSON.stringify(s, null, 2));

log(`installing ${path.relative(extRoot, vsix)}`);
try {
  installExtension(codeServer, dirs, vsix);
} catch (e) {
  fatal(e.message);
}

let server;
let browser;
let page;
let wb;

/**
 * The extension's log channel, which is also written to disk: read it there, since the
 * Output panel only renders the lines in view.
 */
function extensionLog() {
  const found = spawnSync("find", [path.join(userDir, "logs"), "-name", "resolint.log"], { encoding: "utf8" });
  const file = found.stdout.split("\n").find((l) => l.trim());
  return file ? readFileSync(file, "utf8") : "";
}

async function cleanup() {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (server) writeFileSync(path.join(e2eDir, "code-server.log"), server.log());
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(1);
  });
}

// ---------------------------------------------------------------- the scenario

try {
  server = await startCodeServer(codeServer, dirs);
  log(`code-server on port ${server.port}`);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  wb = new Workbench(page);
  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(ws)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  log("workbench loaded");

  await check("a Markdown draft matched by resolint.extraGlobs, opened first, starts the server and is linted", async () => {
    await wb.openFile("drafts/committee-draft.md");
    await wb.showProblems();
    await waitFor("a PRE problem in the Markdown draft", async () => {
      const line = lineOf(await wb.editorText(), "small island developing States.");
      return (await wb.problems("committee-draft.md")).some((r) => r.code.startsWith("PRE") && r.line === line);
    }, 30_000);
  });

  await wb.openFile("draft.res.txt");
  await wb.showProblems();

  let before = [];
  await check("diagnostics with their codes in the Problems panel", async () => {
    const text = await wb.editorText();
    const periodLine = lineOf(text, "armed conflict.");
    const unnumberedLine = lineOf(text, "Requests the Secretary-General");
    before = await waitFor("PRE and OPR problems", async () => {
      const rows = await wb.problems();
      const pre = rows.some((r) => r.code.startsWith("PRE") && r.line === periodLine);
      const opr = rows.some((r) => r.code.startsWith("OPR") && r.line === unnumberedLine);
      return pre && opr ? rows : false;
    }, 60_000);
    await page.locator(".editor-group-container.active .squiggly-warning, .editor-group-container.active .squiggly-error")
      .first().waitFor({ timeout: 5_000 });
    log(`  problems: ${before.map((r) => `${r.code}@${r.line}`).join(", ")}`);
  });

  await check("status bar shows the detected style (resolint/status) and the number of findings", async () => {
    const count = before.length;
    assert(count > 0, "no findings to count");
    await waitFor(`status bar item "resolint: un-ga" with ${count}`, async () =>
      (await wb.statusBar()).find((t) => t.includes("resolint: un-ga") && new RegExp(`\\b${count}$`).test(t)), 10_000);
  });

  await check("the grammar colours openers, numbers and citations", async () => {
    // Monaco renders each token as a span with a colour class (mtkN); plain text shares one.
    const cls = await page.evaluate(() => {
      const out = {};
      for (const span of document.querySelectorAll(".editor-group-container.active .view-line span span")) {
        const t = span.textContent.replace(/\u00a0/g, " ").trim();
        if (t && !(t in out)) out[t] = span.className;
      }
      return out;
    });
    const plain = cls["its"];
    assert(plain, `no plain token "its" among ${JSON.stringify(Object.keys(cls))}`);
    const find = (re) => Object.entries(cls).find(([t]) => re.test(t))?.[1];
    for (const [what, re] of [["opener", /^Recalling$/], ["operative opener", /^Calls upon$/], ["citation", /^79\/243$/],
      ["operative number", /^1$/], ["sub-paragraph label", /^b$/]]) {
      const c = find(re);
      assert(c, `no token for the ${what}: ${JSON.stringify(Object.keys(cls))}`);
      assert(c !== plain, `the ${what} is not coloured (${c})`);
    }
  });

  await page.screenshot({ path: path.join(e2eDir, "screenshot.png") });
  log(`screenshot: ${path.relative(extRoot, path.join(e2eDir, "screenshot.png"))}`);

  await check("a quick fix from the editor turns the closing period into a comma", async () => {
    const text = await wb.editorText();
    const line = lineOf(text, "armed conflict.");
    const col = text.split("\n")[line - 1].indexOf("armed conflict.") + "armed conflict".length + 1;
    await wb.goTo(line, col);
    await wb.quickFix(/resolint \(PRE\d{3}\)/);
    await waitFor("the comma", async () => (await wb.editorText()).includes("armed conflict,\n"), 10_000);
    assert(!(await wb.editorText()).includes("armed conflict."), "the period is still there");
  });

  await check("an edit is re-linted (the fixed PRE problem goes away)", async () => {
    const text = await wb.editorText();
    const line = lineOf(text, "armed conflict,");
    const unnumbered = lineOf(text, "Requests the Secretary-General");
    await waitFor("no PRE problem on the fixed line, the OPR one still listed", async () => {
      const rows = await wb.problems();
      const opr = rows.some((r) => r.code.startsWith("OPR") && r.line === unnumbered);
      return opr && !rows.some((r) => r.code.startsWith("PRE") && r.line === line);
    }, 15_000);
  });

  await check("resolint: Fix All numbers the unnumbered operative paragraph", async () => {
    await wb.runCommand("resolint: Fix All");
    await waitFor("'2. Requests'", async () => /^2\. Requests the Secretary-General/m.test(await wb.editorText()), 15_000);
    await waitFor("no OPR problem left for it", async () => {
      const line = lineOf(await wb.editorText(), "Requests the Secretary-General");
      return !(await wb.problems()).some((r) => r.code.startsWith("OPR") && r.line === line);
    }, 15_000);
  });

  await check("typing a new problem is linted as you type", async () => {
    const text = await wb.editorText();
    const line = lineOf(text, "freedom of expression,");
    await wb.goTo(line, text.split("\n")[line - 1].length + 1);
    await wb.press("Backspace");
    await wb.type(".");
    await waitFor("a PRE problem on the edited line", async () =>
      (await wb.problems()).some((r) => r.code.startsWith("PRE") && r.line === line), 15_000);
  });

  await check("the outline shows the preamble and the operative paragraphs", async () => {
    await wb.runCommand("Explorer: Focus on Outline View");
    // The outline list renders only the rows in view: collapse the file tree above it.
    const folders = page.locator(".sidebar .pane-header", { hasText: /^workspace/i }).first();
    if ((await folders.getAttribute("aria-expanded")) === "true") await folders.click();
    // Names as resolint's document symbols give them: "Preamble" > "Recalling", …;
    // "Operative part" > "1. Calls upon", "2. Requests", … (after Fix All numbered it).
    const wanted = ["Preamble", "Recalling", "Deeply concerned", "Operative part", "1. Calls upon", "2. Requests", "3. Decides"];
    let rows = [];
    try {
      await waitFor("the outline entries", async () => {
        rows = await wb.outlineRows();
        return wanted.every((w) => rows.some((r) => r.startsWith(w)));
      }, 15_000);
    } finally {
      log(`  outline: ${rows.join(" | ")}`);
    }
  });

  await check("fix all on save (editor.codeActionsOnSave with source.fixAll.resolint)", async () => {
    await wb.openFile("save.res.txt");
    await waitFor("a PRE problem before saving", async () =>
      (await wb.problems("save.res.txt")).some((r) => r.code.startsWith("PRE")), 30_000);
    await wb.press("Mod+s");
    await waitFor("the saved file fixed on disk", async () =>
      readFileSync(path.join(ws, "save.res.txt"), "utf8").includes("right to education,\n"), 15_000);
  });

  await check("resolint: Show Rule Documentation opens the rule's text", async () => {
    const code = before.find((r) => r.code.startsWith("PRE"))?.code ?? "PRE004";
    await wb.runCommand("resolint: Show Rule Documentation");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(code);
    await wb.press("Enter");
    await page.locator(`.tab[aria-label*="${code}"]`).first().waitFor({ timeout: 15_000 });
    await waitFor("the documentation text", async () => (await wb.editorText())?.includes(code), 15_000);
    await wb.press("Mod+w"); // close it; the drafts' group is active again
  });

  await check("resolint: Export as Akoma Ntoso opens the draft as AKN 3.0 XML", async () => {
    await wb.runCommand("resolint: Export as Akoma Ntoso");
    await waitFor("an editor with the AKN XML", async () => {
      const text = (await wb.editorText()) ?? "";
      return text.includes("<akomaNtoso") && text.includes('<statement name="resolution">');
    }, 20_000);
    await wb.runCommand("View: Revert and Close Editor"); // untitled: close without a save prompt
  });

  await check("a changed setting reaches the running server (severityOverrides PRE004 -> error)", async () => {
    await wb.openFile("draft.res.txt");
    await wb.showProblems();
    const pre = await waitFor("a PRE004 warning", async () =>
      (await wb.problems()).find((r) => r.code === "PRE004" && r.severity === "warning"), 15_000);
    const good = JSON.parse(readFileSync(settingsFile, "utf8"));
    // The server re-lints on workspace/didChangeConfiguration, but a pull that comes
    // before that re-lint ends gets the old result (a server-side race, reported), so
    // an edit (type a space, delete it) makes sure a lint with the new settings is shown.
    const nudge = async () => {
      await wb.goTo((await wb.editorText()).split("\n").length, 1); // the empty last line
      await wb.type(" ");
      await wb.press("Backspace");
    };
    const severityBecomes = async (sev) => {
      const end = Date.now() + 20_000;
      while (Date.now() < end) {
        if ((await wb.problems()).some((r) => r.code === "PRE004" && r.line === pre.line && r.severity === sev)) return;
        await sleep(1500);
        await nudge();
      }
      throw new Error(`PRE004 on line ${pre.line} did not become ${sev}`);
    };
    writeSettings({ ...good, "resolint.severityOverrides": { PRE004: "error" } });
    try {
      await severityBecomes("error");
    } finally {
      writeSettings(good);
    }
    await severityBecomes("warning");
  });

  await check("resolint: Restart Server and resolint: Show Output", async () => {
    const logText = extensionLog;
    await wb.runCommand("resolint: Restart Server");
    const after = await waitFor("a new start logged after the restart request", async () => {
      const rest = logText().split("restart requested").slice(1).join("");
      return /starting .* -m resolint server/.test(rest) ? rest : false;
    }, 20_000);
    assert(after.includes(python), "the log does not name the interpreter in use");
    await wb.runCommand("resolint: Show Output");
    await waitFor("the Output panel showing the resolint channel", async () =>
      page.evaluate(() =>
        [...document.querySelectorAll(".part.panel select")].some((s) => s.options[s.selectedIndex]?.text === "resolint"),
      ), 10_000);
    await wb.showProblems();
    await waitFor("diagnostics from the restarted server", async () => (await wb.problems()).length > 0, 30_000);
  });

  await check("a broken resolint.interpreter gives one clear message; fixing it restarts the server", async () => {
    const good = JSON.parse(readFileSync(settingsFile, "utf8"));
    await wb.openFile("draft.res.txt");
    await wb.showProblems();
    await waitFor("problems before", async () => (await wb.problems()).length > 0, 15_000);
    writeSettings({ ...good, "resolint.interpreter": "/nonexistent/bin/python3" });
    try {
      const toast = await waitFor("a notification naming the setting", async () =>
        (await wb.notifications()).find(({ message: m }) => m.includes("resolint.interpreter") && m.includes("/nonexistent/bin/python3")),
      20_000);
      log(`  message: ${toast.message} [${toast.buttons.join("] [")}]`);
      await waitFor("the stopped server's diagnostics cleared", async () => (await wb.problems()).length === 0, 10_000);
    } finally {
      writeSettings(good);
    }
    await waitFor("diagnostics again after the restart", async () => (await wb.problems()).length > 0, 30_000);
  });

  await check(`no interpreter anywhere: one message that offers a private environment${
    wheelhouse ? ", which installs the bundled wheel with no package index" : ""}`, async () => {
    const good = JSON.parse(readFileSync(settingsFile, "utf8"));
    const { ["resolint.interpreter"]: _, ...rest } = good;
    await wb.runCommand("Notifications: Clear All Notifications"); // read only the new one
    writeSettings(rest);
    try {
      const toast = await waitFor("the no-server notification", async () =>
        (await wb.notifications()).find((t) => t.message.includes("no Python with resolint was found")), 20_000);
      log(`  message: ${toast.message} [${toast.buttons.join("] [")}]`);
      assert(toast.message.includes("resolint.interpreter") && toast.message.includes("this extension ships"),
        "the message does not say what to do");
      assert(toast.buttons.includes("Create environment") && toast.buttons.includes("Open Settings"),
        `the offer's buttons are missing: ${JSON.stringify(toast.buttons)}`);
      if (wheelhouse) {
        // Accept: a venv in the extension's storage, resolint from the .vsix's wheel, no index.
        await page.locator(".notification-toast .monaco-button", { hasText: "Create environment" }).first().click();
        const envPython = await waitFor("the server started from the private environment", async () => {
          const found = spawnSync("find", [userDir, "-path", "*/venv/bin/python"], { encoding: "utf8" });
          const py = found.stdout.split("\n").find((l) => l.trim());
          return py && /private environment ready/.test(extensionLog()) ? py : false;
        }, 240_000, 1000);
        log(`  private environment: ${envPython}`);
        assert(/Processing .*bundled[\\/]resolint-[^ ]+\.whl/.test(extensionLog()),
          "pip did not install the bundled wheel");
        const where = spawnSync(envPython, ["-c", "import resolint; print(resolint.__file__)"], { encoding: "utf8" });
        assert(where.status === 0 && where.stdout.includes(path.dirname(path.dirname(envPython))),
          `resolint is not installed in the private environment: ${where.stdout}${where.stderr}`);
        await wb.openFile("draft.res.txt");
        await wb.showProblems();
        await waitFor("diagnostics from the private environment's server", async () =>
          (await wb.problems()).some((r) => r.code.startsWith("PRE")), 60_000);
      }
    } finally {
      writeSettings(good);
    }
    await waitFor("diagnostics again with the interpreter back", async () => (await wb.problems()).length > 0, 30_000);
  });
} catch (e) {
  checks.fail("harness", e?.stack ?? e);
  await page?.screenshot({ path: path.join(e2eDir, "failure-harness.png") }).catch(() => {});
} finally {
  await cleanup();
}

process.exit(checks.summary());
