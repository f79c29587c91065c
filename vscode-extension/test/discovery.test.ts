/** The order in which the server is looked for, and what the user is told. */
import { strict as assert } from "node:assert";
import { test } from "node:test";
import {
  basePythons, bundledWheel, Candidate, candidates, discover, executable, privateEnvPython, privateEnvSteps, probeCommand,
  ruleCommand, serverCommand,
} from "../src/discovery";

const all = {
  path: "/opt/resolint/bin/resolint",
  interpreter: "/w/.venv/bin/python",
  pythonExtensionInterpreter: "/usr/bin/python3.12",
  privateEnvPython: "/gs/venv/bin/python",
};

test("resolint.path wins, then resolint.interpreter; explicit settings end the list", () => {
  const c = candidates(all);
  assert.deepEqual(c.map((x) => x.source), ["resolint.path", "resolint.interpreter"]);
  assert.ok(c.every((x) => x.strict));
  assert.deepEqual(candidates({ ...all, path: "" }).map((x) => x.source), ["resolint.interpreter"]);
});

test("without settings: the Python extension's interpreter, then the private environment", () => {
  const c = candidates({ ...all, path: "", interpreter: "" });
  assert.deepEqual(c.map((x) => [x.source, x.command, x.strict]), [
    ["python-extension", "/usr/bin/python3.12", false],
    ["private-env", "/gs/venv/bin/python", false],
  ]);
  assert.deepEqual(candidates({ path: "", interpreter: "" }), []);
});

test("server, rule and probe command lines", () => {
  const [exe, py] = candidates({ ...all, pythonExtensionInterpreter: undefined });
  assert.deepEqual(serverCommand(exe), { command: "/opt/resolint/bin/resolint", args: ["server"] });
  assert.deepEqual(serverCommand(py), { command: "/w/.venv/bin/python", args: ["-m", "resolint", "server"] });
  assert.deepEqual(ruleCommand(py, "PRE002"), { command: "/w/.venv/bin/python", args: ["-m", "resolint", "rule", "PRE002"] });
  assert.deepEqual(ruleCommand(exe, "OPR001"), { command: "/opt/resolint/bin/resolint", args: ["rule", "OPR001"] });
  assert.deepEqual(probeCommand(py).args, ["-c", "import resolint"]);
  assert.deepEqual(probeCommand(exe).args, ["--help"]);
});

const probeWith = (works: Set<string>, seen: string[]) => async (c: Candidate) => {
  seen.push(c.command);
  return works.has(c.command) ? { ok: true } : { ok: false, detail: "No module named 'resolint'" };
};

test("the first candidate that works is used; failing ones are skipped with their reason", async () => {
  const seen: string[] = [];
  const r = await discover(candidates({ ...all, path: "", interpreter: "" }), probeWith(new Set(["/gs/venv/bin/python"]), seen));
  assert.equal(r.kind, "found");
  assert.equal(r.kind === "found" && r.candidate.source, "private-env");
  assert.deepEqual(r.kind === "found" && r.skipped.map((s) => [s.candidate.source, s.detail]), [
    ["python-extension", "No module named 'resolint'"],
  ]);
  assert.deepEqual(seen, ["/usr/bin/python3.12", "/gs/venv/bin/python"]);
});

test("a broken explicit setting stops discovery with a message naming the setting and the fix", async () => {
  const seen: string[] = [];
  const r = await discover(candidates({ ...all, path: "" }), probeWith(new Set(["/usr/bin/python3.12"]), seen));
  assert.equal(r.kind, "setting-broken");
  assert.deepEqual(seen, ["/w/.venv/bin/python"], "the Python extension is not consulted");
  const msg = r.kind === "setting-broken" ? r.message : "";
  assert.match(msg, /resolint\.interpreter/);
  assert.match(msg, /\/w\/\.venv\/bin\/python -m pip install <resolint wheel or folder>/);
});

test("an interpreter that does not exist is named as such", async () => {
  const r = await discover(candidates({ path: "", interpreter: "/gone/python" }), async () => ({ ok: false, detail: "not found" }));
  assert.equal(r.kind, "setting-broken");
  assert.match(r.kind === "setting-broken" ? r.message : "", /\(\/gone\/python\) was not found/);
});

test("nothing works: one message that says what to do", async () => {
  const r = await discover(candidates({ ...all, path: "", interpreter: "" }), probeWith(new Set(), []));
  assert.equal(r.kind, "none");
  const msg = r.kind === "none" ? r.message : "";
  assert.match(msg, /resolint\.interpreter/);
  assert.doesNotMatch(msg, /pip install resolint\b/, "resolint is not on a package index");
  assert.match(msg, /copy of resolint this extension ships/);
  assert.match(msg, /Python extension/);
});

test("private environment: where it lives and how it is made", () => {
  assert.equal(privateEnvPython("/gs/resolint.resolint/", "linux"), "/gs/resolint.resolint/venv/bin/python");
  assert.equal(privateEnvPython("C:\\gs", "win32"), "C:\\gs\\venv\\Scripts\\python.exe");
  assert.deepEqual(basePythons("linux", "/usr/bin/python3.12").map((b) => b.command), ["/usr/bin/python3.12", "python3", "python"]);
  assert.deepEqual(basePythons("win32")[0], { command: "py", args: ["-3"] });
  const wheel = "/ext/bundled/resolint-0.1.0-py3-none-any.whl";
  const steps = privateEnvSteps({ command: "python3", args: [] }, "/gs/venv", "/gs/venv/bin/python", wheel);
  assert.deepEqual(steps[0], { command: "python3", args: ["-m", "venv", "/gs/venv"] });
  assert.deepEqual(steps[1].command, "/gs/venv/bin/python");
  assert.deepEqual(steps[1].args.slice(0, 3), ["-m", "pip", "install"]);
  assert.equal(steps[1].args[steps[1].args.length - 1], wheel, "resolint comes from the bundled wheel, not an index");
});

test("the bundled wheel: resolint's own, newest version first", () => {
  assert.equal(bundledWheel(["README.md", "resolint-0.1.0-py3-none-any.whl"]), "resolint-0.1.0-py3-none-any.whl");
  assert.equal(bundledWheel(["resolint-0.9.0-py3-none-any.whl", "resolint-0.10.0-py3-none-any.whl"]), "resolint-0.10.0-py3-none-any.whl");
  assert.equal(bundledWheel(["pygls-2.1.1-py3-none-any.whl"]), undefined);
  assert.equal(bundledWheel([]), undefined);
});

test("the server's process: exactly `… server`, no transport flag added by the client", () => {
  const [py] = candidates({ path: "", interpreter: "/w/.venv/bin/python" });
  const exe = executable(serverCommand(py), "/w", { PATH: "/usr/bin" });
  assert.deepEqual(exe.args, ["-m", "resolint", "server"]);
  assert.ok(!("transport" in exe), "TransportKind.stdio would make the client append --stdio");
  assert.equal(exe.options.cwd, "/w");
  assert.equal(exe.options.env.PYTHONUNBUFFERED, "1");
  assert.equal(exe.options.env.PATH, "/usr/bin");
});
