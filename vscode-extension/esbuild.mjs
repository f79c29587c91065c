// Bundles the extension (dist/extension.js) or, with --tests, each unit test
// (out/test/*.test.js) so `node --test out/test/` can run them without tsc output.
// Type checking is separate: `tsc --noEmit` (esbuild only strips types).
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";

const tests = process.argv.includes("--tests");
const common = { bundle: true, platform: "node", format: "cjs", target: "node18", logLevel: "warning" };

if (tests) {
  const entryPoints = readdirSync("test").filter((f) => f.endsWith(".test.ts")).map((f) => `test/${f}`);
  await esbuild.build({ ...common, entryPoints, outdir: "out/test", sourcemap: "inline",
    // The grammar test loads the oniguruma WASM at run time from node_modules.
    external: ["vscode-oniguruma", "vscode-textmate"] });
} else {
  await esbuild.build({ ...common, entryPoints: ["src/extension.ts"], outfile: "dist/extension.js",
    external: ["vscode"], minify: process.argv.includes("--minify"), sourcemap: false });
}
