/** Settings -> what the server gets, the document selector, and when to restart. */
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  BUILTIN_EXTENSIONS, CLIENT_KEYS, DEFAULTS, documentSelector, expandPath, LANGUAGE_ID, needsRestart, readSettings,
  serverPayload, SETTING_KEYS, SettingKey, skipPull,
} from "../src/settings";

// Read from disk, not through the bundle: what VS Code shows is what the code must use.
const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
const declared: Record<string, { default: unknown; enum?: string[]; maximum?: number }> =
  manifest.contributes.configuration.properties;

const from = (o: Record<string, unknown>) => (k: SettingKey) => o[k];

test("defaults when nothing is set", () => {
  assert.deepEqual(readSettings(from({})), DEFAULTS);
  assert.deepEqual(serverPayload(readSettings(from({}))), {
    style: "auto", run: "onType", severityOverrides: {}, formatting: false, debounce: 150, docsUrl: "",
    lintTimeBudget: 5000, maxDiagnostics: 1000,
  });
});

test("package.json's settings are the one list: keys, defaults, allowed values", () => {
  assert.deepEqual(
    [...SETTING_KEYS, "trace.server"].map((k) => `resolint.${k}`),
    Object.keys(declared),
  );
  assert.deepEqual(Object.keys(DEFAULTS), [...SETTING_KEYS]);
  for (const k of SETTING_KEYS) assert.deepEqual((DEFAULTS as unknown as Record<string, unknown>)[k], declared[`resolint.${k}`].default, k);
  // A value package.json allows passes; one just outside its range or enum does not.
  for (const style of declared["resolint.style"].enum ?? []) assert.equal(readSettings(from({ style })).style, style);
  const max = declared["resolint.debounce"].maximum ?? 0;
  assert.equal(readSettings(from({ debounce: max })).debounce, max);
  assert.equal(readSettings(from({ debounce: max + 1 })).debounce, DEFAULTS.debounce);
  assert.equal(LANGUAGE_ID, manifest.contributes.languages[0].id);
  assert.deepEqual(BUILTIN_EXTENSIONS, manifest.contributes.languages[0].extensions);
});

test("the server gets every setting but the client's own", () => {
  const payload = serverPayload(DEFAULTS);
  assert.deepEqual(Object.keys(payload), SETTING_KEYS.filter((k) => !(CLIENT_KEYS as readonly string[]).includes(k)));
});

test("settings reach the server as initializationOptions, without client-only keys", () => {
  const s = readSettings(from({
    interpreter: " /opt/py/bin/python ", path: "", style: "interpol", run: "onSave",
    severityOverrides: { pre002: "hint", TRM: "information" }, extraGlobs: ["drafts/**/*.md"],
    formatting: true, debounce: 400, docsUrl: " https://docs.example/resolint/ ", lintTimeBudget: 2000,
    maxDiagnostics: 250,
  }));
  assert.equal(s.interpreter, "/opt/py/bin/python");
  assert.deepEqual(serverPayload(s), {
    style: "interpol", run: "onSave", severityOverrides: { PRE002: "hint", TRM: "information" },
    formatting: true, debounce: 400, docsUrl: "https://docs.example/resolint/", lintTimeBudget: 2000,
    maxDiagnostics: 250,
  });
  assert.ok(!("interpreter" in serverPayload(s)) && !("extraGlobs" in serverPayload(s)));
});

test("bad values fall back to defaults and are reported", () => {
  const problems: string[] = [];
  const s = readSettings(from({
    style: "un", run: 3, severityOverrides: { PRE002: "fatal", OPR001: "error" }, extraGlobs: ["", 7, "*.md"],
    interpreter: 42, formatting: "yes", debounce: 20_000, lintTimeBudget: -1,
    maxDiagnostics: 1.5,
  }), problems);
  assert.equal(s.style, "auto");
  assert.equal(s.run, "onType");
  assert.equal(s.interpreter, "");
  assert.deepEqual(s.severityOverrides, { OPR001: "error" });
  assert.deepEqual(s.extraGlobs, ["*.md"]);
  assert.equal(s.formatting, false);
  assert.equal(s.debounce, 150);
  assert.equal(s.lintTimeBudget, 5000);
  assert.equal(s.maxDiagnostics, 1000);
  assert.equal(problems.length, 10, problems.join("\n"));
  assert.ok(problems.some((p) => p.includes("resolint.style") && p.includes("un-ga")));
});

test("the document selector has the resolution language and every extra glob", () => {
  const sel = documentSelector(readSettings(from({ extraGlobs: ["**/drafts/**/*.md", "**/*.draft"] })));
  assert.deepEqual(sel, [
    { language: "resolution", scheme: "file" },
    { language: "resolution", scheme: "untitled" },
    { scheme: "file", pattern: "**/drafts/**/*.md" },
    { scheme: "file", pattern: "**/*.draft" },
  ]);
  assert.equal(documentSelector(DEFAULTS).length, 2);
});

test("only the interpreter, the executable and the globs restart the server", () => {
  const only = (key: SettingKey) => (k: SettingKey) => k === key;
  assert.equal(needsRestart(only("interpreter")), true);
  assert.equal(needsRestart(only("path")), true);
  assert.equal(needsRestart(only("extraGlobs")), true);
  assert.equal(needsRestart(only("style")), false);
  assert.equal(needsRestart(only("run")), false);
  assert.equal(needsRestart(only("severityOverrides")), false);
  assert.equal(needsRestart(only("formatting")), false);
  assert.equal(needsRestart(only("debounce")), false);
});

test("paths: ~, ${workspaceFolder}, relative paths; bare names stay for PATH lookup", () => {
  const ctx = { home: "/home/ana", workspaceFolder: "/w/drafts" };
  assert.equal(expandPath("~/venv/bin/python", ctx), "/home/ana/venv/bin/python");
  assert.equal(expandPath("${workspaceFolder}/.venv/bin/python", ctx), "/w/drafts/.venv/bin/python");
  assert.equal(expandPath("${userHome}/bin/resolint", ctx), "/home/ana/bin/resolint");
  assert.equal(expandPath(".venv/bin/python", ctx), "/w/drafts/.venv/bin/python");
  assert.equal(expandPath("./.venv/bin/python", ctx), "/w/drafts/.venv/bin/python");
  assert.equal(expandPath("python3", ctx), "python3");
  assert.equal(expandPath("/usr/bin/python3", ctx), "/usr/bin/python3");
  assert.equal(expandPath("C:\\Py\\python.exe", { ...ctx, sep: "\\" }), "C:\\Py\\python.exe");
  assert.equal(expandPath("", ctx), "");
});

test("run: onSave skips the client's pulls while typing, not on save or focus", () => {
  assert.equal(skipPull("onSave", "onType"), true);
  assert.equal(skipPull("onSave", "onSave"), false);
  assert.equal(skipPull("onSave", "onFocus"), false);
  assert.equal(skipPull("onType", "onType"), false);
});
