/**
 * The TextMate grammar, tokenized with the same engine VS Code uses
 * (vscode-textmate + the oniguruma WASM), so these are the scopes an editor shows.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { before, test } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";

const root = path.resolve(__dirname, "..", "..");
let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(root, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== "text.resolution") return null;
      const file = path.join(root, "syntaxes", "resolution.tmLanguage.json");
      return vsctm.parseRawGrammar(readFileSync(file, "utf8"), file);
    },
  });
  const g = await registry.loadGrammar("text.resolution");
  assert.ok(g, "grammar loads");
  grammar = g;
});

/** Text of every token whose innermost scopes include `scope` (joined runs). */
function tokensWith(line: string, scope: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const out: string[] = [];
  let prevEnd = -1;
  for (const t of tokens) {
    if (!t.scopes.some((s) => s.split(" ").includes(scope) || s === scope)) continue;
    const text = line.slice(t.startIndex, t.endIndex);
    if (t.startIndex === prevEnd && out.length) out[out.length - 1] += text;
    else out.push(text);
    prevEnd = t.endIndex;
  }
  return out;
}

const PRE = "entity.name.type.opener.preambular.resolint";
const OPR = "keyword.control.opener.operative.resolint";
const NUM = "constant.numeric.operative.resolint";
const SUB = "constant.character.subparagraph.resolint";
const RULE = "constant.language.rule-code.resolint";
const DIR = "keyword.control.directive.resolint";

test("sentence-case UN preambular openers at paragraph start", () => {
  assert.deepEqual(tokensWith("Recalling its resolution 79/243 of 2024,", PRE), ["Recalling"]);
  assert.deepEqual(tokensWith("Deeply concerned by the rise in trafficking,", PRE), ["Deeply concerned"]);
  assert.deepEqual(tokensWith("Noting with deep concern the reports,", PRE), ["Noting with deep concern"]);
  assert.deepEqual(tokensWith("Bearing in mind the Charter,", PRE), ["Bearing in mind"]);
  assert.deepEqual(tokensWith("Having considered the report,", PRE), ["Having considered"]);
  assert.deepEqual(tokensWith("Aware of the risks,", PRE), ["Aware"]);
});

test("ALL-CAPS INTERPOL preambular openers", () => {
  assert.deepEqual(tokensWith("RECALLING ALSO Resolution GA-2019-88-RES-01,", PRE), ["RECALLING ALSO"]);
  assert.deepEqual(tokensWith("BEARING IN MIND Article 2 of the Constitution,", PRE), ["BEARING IN MIND"]);
  assert.deepEqual(tokensWith("HAVING CONSIDERED the report,", PRE), ["HAVING CONSIDERED"]);
});

test("an opener is recognised only at the start of a paragraph", () => {
  assert.deepEqual(tokensWith("the Assembly, Recalling nothing,", PRE), []);
  assert.deepEqual(tokensWith("  Welcoming the report,", PRE), ["Welcoming"]);
});

test("operative numbers and openers", () => {
  const line = "1. Decides to remain seized of the matter;";
  assert.deepEqual(tokensWith(line, NUM), ["1"]);
  assert.deepEqual(tokensWith(line, OPR), ["Decides"]);
  assert.deepEqual(tokensWith("12. Calls upon all Member States to act;", OPR), ["Calls upon"]);
  assert.deepEqual(tokensWith("3. Further requests the Secretary-General;", OPR), ["Further requests"]);
  assert.deepEqual(tokensWith("2. CALLS UPON member countries to share data;", OPR), ["CALLS UPON"]);
  assert.deepEqual(tokensWith("URGES member countries to use the databases;", OPR), ["URGES"]);
  // A number alone is still a number; an operative opener is not a preambular one.
  assert.deepEqual(tokensWith("4. the text", NUM), ["4"]);
  assert.deepEqual(tokensWith("1. Decides to act;", PRE), []);
});

test("sub-paragraph labels", () => {
  assert.deepEqual(tokensWith("(a) To report annually;", SUB), ["a"]);
  assert.deepEqual(tokensWith("    (iv) To cooperate;", SUB), ["iv"]);
  assert.deepEqual(tokensWith("b) the second item;", SUB), ["b"]);
  assert.deepEqual(tokensWith("a reference (a) in the middle", SUB), []);
});

test("citations", () => {
  const CIT = "markup.underline.link.resolint";
  assert.deepEqual(tokensWith("Recalling its resolution 79/243 of 2024,", CIT), ["79/243"]);
  assert.deepEqual(tokensWith("Recalling resolutions 78/1 and 79/2,", CIT), ["78/1 and 79/2"]);
  assert.deepEqual(tokensWith("RECALLING Resolution GA-2025-93-RES-03 adopted in 2025,", CIT), ["GA-2025-93-RES-03"]);
  assert.deepEqual(tokensWith("Reaffirming S/RES/2178 (2014) and A/RES/79/243,", CIT), ["S/RES/2178 (2014)", "A/RES/79/243"]);
  assert.deepEqual(tokensWith("Recalling its resolution 2178 (2014),", CIT), ["2178 (2014)"]);
  assert.deepEqual(tokensWith("on 12/2 we met", CIT), []);
});

test("directives", () => {
  const line = "<!-- resolint: ignore[PRE002, OPR001] -- quoted from the 2019 text -->";
  assert.deepEqual(tokensWith(line, DIR), ["ignore"]);
  assert.deepEqual(tokensWith(line, RULE), ["PRE002", "OPR001"]);
  assert.deepEqual(tokensWith("<!-- resolint: disable TRM -->", RULE), ["TRM"]);
  assert.deepEqual(tokensWith("<!-- resolint: file-ignore[CIT003] -->", DIR), ["file-ignore"]);
  // An ordinary comment is a comment, not a directive.
  assert.deepEqual(tokensWith("<!-- a note to the sponsors -->", DIR), []);
  assert.deepEqual(tokensWith("<!-- a note to the sponsors -->", "comment.block.html.resolint").length, 1);
});

test("the opening line is not an opener", () => {
  assert.deepEqual(tokensWith("The General Assembly,", PRE), []);
  assert.deepEqual(tokensWith("THE ICPO-INTERPOL GENERAL ASSEMBLY, meeting in Rome,", OPR), []);
  assert.deepEqual(tokensWith("The General Assembly,", "entity.name.section.opening.resolint"), ["The General Assembly"]);
});
