/** The export command's answers: content, refusal with reasons, errors. */
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { exportOutcome } from "../src/exportResult";

test("content is shown as XML, or HTML when asked", () => {
  assert.deepEqual(exportOutcome({ uri: "u", format: "akn", content: "<x/>" }), { kind: "content", content: "<x/>", language: "xml" });
  assert.equal((exportOutcome({ format: "html", content: "<p/>" }) as { language: string }).language, "html");
});

test("a refusal keeps its reasons and message", () => {
  const o = exportOutcome({ refused: ["7:1: OPR002 Numbering skips from 1 to 3"], message: "not exported: …" });
  assert.deepEqual(o, { kind: "refused", message: "not exported: …", reasons: ["7:1: OPR002 Numbering skips from 1 to 3"] });
});

test("errors and empty answers", () => {
  assert.deepEqual(exportOutcome({ error: "the document is not open" }), { kind: "error", message: "the document is not open" });
  assert.equal(exportOutcome(null).kind, "error");
  assert.equal(exportOutcome(undefined).kind, "error");
});
