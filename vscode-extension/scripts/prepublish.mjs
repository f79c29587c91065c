// `vscode:prepublish`: what `vsce package` runs first, so that `npm ci && npx vsce package`
// alone builds a working .vsix. It bundles the extension (minified) into dist/extension.js
// and puts the resolint wheel into bundled/, from which the extension's private Python
// environment installs resolint (resolint is not on a package index).
//
// The wheel: RESOLINT_WHEEL (a built wheel, e.g. from scripts/build.sh) if set, else built
// here from this repository with `<python> -m pip wheel --no-deps` (RESOLINT_BUILD_PYTHON,
// default python3; pip fetches the build backend, hatchling, as for any build).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(ext, "..");
const bundled = path.join(ext, "bundled");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ext, stdio: "inherit" });

run(process.execPath, ["esbuild.mjs", "--minify"]);

rmSync(bundled, { recursive: true, force: true });
mkdirSync(bundled, { recursive: true });
if (process.env.RESOLINT_WHEEL) {
  const wheel = path.resolve(process.env.RESOLINT_WHEEL);
  copyFileSync(wheel, path.join(bundled, path.basename(wheel)));
} else {
  const python = process.env.RESOLINT_BUILD_PYTHON || "python3";
  run(python, ["-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps", "--wheel-dir", bundled, repo]);
}
const wheels = readdirSync(bundled).filter((f) => /^resolint-[^-]+-py3-none-any\.whl$/.test(f));
if (wheels.length !== 1 || readdirSync(bundled).length !== 1) {
  console.error(`prepublish: expected exactly one resolint wheel in ${bundled}, found ${readdirSync(bundled).join(", ") || "nothing"}`);
  process.exit(1);
}
console.log(`prepublish: bundled ${wheels[0]}`);
