/** Status bar text, rule-code input, the status notification's params, and running probes. */
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { describeFailure, run } from "../src/proc";
import { isStatusParams, normalizeRuleCode, statusText, statusTooltip } from "../src/status";

test("status text: style when known, and the number of findings", () => {
  assert.equal(statusText(undefined, undefined), "$(law) resolint");
  assert.equal(statusText("interpol", 3), "$(law) resolint: interpol $(warning) 3");
  assert.equal(statusText(undefined, 0), "$(law) resolint $(check)");
  assert.match(statusTooltip("un-ga", 1, "python -m resolint server"), /1 finding in this file/);
  assert.match(statusTooltip(undefined, 2, "x"), /2 findings/);
  assert.match(statusTooltip("interpol", 0, "x", "the opening names INTERPOL"), /House style: interpol \(the opening names INTERPOL\)/);
});

test("rule codes as typed", () => {
  assert.equal(normalizeRuleCode(" pre002 "), "PRE002");
  assert.equal(normalizeRuleCode("OPR001"), "OPR001");
  assert.equal(normalizeRuleCode("PRE"), undefined);
  assert.equal(normalizeRuleCode("PRE0021"), undefined);
  assert.equal(normalizeRuleCode(undefined), undefined);
});

test("resolint/status params", () => {
  assert.ok(isStatusParams({ uri: "file:///a.res.txt", style: "interpol" }));
  assert.ok(isStatusParams({ uri: "file:///a.res.txt" }));
  assert.ok(!isStatusParams({ style: "interpol" }));
  assert.ok(!isStatusParams({ uri: "file:///a", style: 3 }));
  assert.ok(isStatusParams({ uri: "file:///a", style: "un-ga", reason: "the opening says …", count: 2 }));
  assert.ok(!isStatusParams({ uri: "file:///a", style: "un-ga", reason: 1 }));
  assert.ok(isStatusParams({ uri: "file:///a", style: "un-ga", count: 0 }));
  for (const count of ["3", 1.5, -1, null]) assert.ok(!isStatusParams({ uri: "file:///a", style: "un-ga", count }), String(count));
  assert.ok(!isStatusParams(null));
});

test("probing real processes: success, a Python-style failure, a missing program", async () => {
  const ok = await run(process.execPath, ["-e", "process.exit(0)"]);
  assert.equal(describeFailure(ok), undefined);
  const fail = await run(process.execPath, ["-e", "console.error('Traceback…\\nModuleNotFoundError: No module named \\'resolint\\''); process.exit(1)"]);
  assert.equal(describeFailure(fail), "ModuleNotFoundError: No module named 'resolint'");
  const missing = await run("/nonexistent/python3", ["-c", "import resolint"]);
  assert.equal(describeFailure(missing), "not found");
  const slow = await run(process.execPath, ["-e", "setTimeout(() => {}, 5000)"], { timeoutMs: 200 });
  assert.match(describeFailure(slow) ?? "", /timed out/);
});
