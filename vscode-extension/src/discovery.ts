/**
 * Finding the resolint server, as pure logic.
 *
 * Order (the first that works wins):
 *   1. `resolint.path`        — a resolint executable:      `<path> server`
 *   2. `resolint.interpreter` — a Python with resolint:     `<python> -m resolint server`
 *   3. the interpreter selected in the Python extension (ms-python.python), if it has resolint
 *   4. the extension's private environment (a venv in globalStorage, with the resolint
 *      wheel this extension ships installed in it), if it was created
 *   5. otherwise: offer to create the private environment (done by the caller)
 *
 * An explicit setting (1, 2) is "strict": if it does not work we stop and say so,
 * rather than quietly running some other resolint than the one the user named.
 * The Python extension's interpreter and the private env are tried and skipped.
 *
 * Probing (does this command really run resolint?) is injected, so the order and
 * the messages are unit-tested without spawning anything.
 */

export type Source = "resolint.path" | "resolint.interpreter" | "python-extension" | "private-env";

export interface Candidate {
  source: Source;
  /** Program to run: the resolint executable or a Python interpreter. */
  command: string;
  /** Arguments before the resolint subcommand: `[]` for an executable, `["-m", "resolint"]` for Python. */
  prefix: string[];
  /** A candidate the user chose explicitly: its failure ends discovery. */
  strict: boolean;
}

export interface DiscoveryInputs {
  /** `resolint.path`, already expanded ("" = unset). */
  path: string;
  /** `resolint.interpreter`, already expanded ("" = unset). */
  interpreter: string;
  /** The Python extension's active interpreter for the workspace, if that extension is installed. */
  pythonExtensionInterpreter?: string;
  /** The private environment's python, if that environment exists on disk. */
  privateEnvPython?: string;
}

const PYTHON_PREFIX = ["-m", "resolint"];

/** The candidates in the order they are tried. */
export function candidates(inp: DiscoveryInputs): Candidate[] {
  const out: Candidate[] = [];
  if (inp.path) out.push({ source: "resolint.path", command: inp.path, prefix: [], strict: true });
  if (inp.interpreter) {
    out.push({ source: "resolint.interpreter", command: inp.interpreter, prefix: PYTHON_PREFIX, strict: true });
  }
  // An explicit setting is the user's answer: nothing after it is consulted.
  if (out.length > 0) return out;
  if (inp.pythonExtensionInterpreter) {
    out.push({ source: "python-extension", command: inp.pythonExtensionInterpreter, prefix: PYTHON_PREFIX, strict: false });
  }
  if (inp.privateEnvPython) {
    out.push({ source: "private-env", command: inp.privateEnvPython, prefix: PYTHON_PREFIX, strict: false });
  }
  return out;
}

export interface CommandLine {
  command: string;
  args: string[];
}

/** The stdio language server: `<python> -m resolint server` or `<resolint> server`. */
export function serverCommand(c: Candidate): CommandLine {
  return { command: c.command, args: [...c.prefix, "server"] };
}

/**
 * The language client's `Executable` for a command line. There is deliberately no
 * `transport`: with `TransportKind.stdio` vscode-languageclient appends `--stdio` to the
 * arguments, and `resolint server` (stdio by default) rejects unknown arguments.
 */
export function executable(
  cmd: CommandLine,
  cwd: string | undefined,
  env: Record<string, string | undefined>,
): { command: string; args: string[]; options: { cwd?: string; env: Record<string, string | undefined> } } {
  return { command: cmd.command, args: [...cmd.args], options: { cwd, env: { ...env, PYTHONUNBUFFERED: "1" } } };
}

/** A rule's documentation from the CLI: `resolint rule CODE`. */
export function ruleCommand(c: Candidate, code: string): CommandLine {
  return { command: c.command, args: [...c.prefix, "rule", code] };
}

/**
 * A cheap check that the candidate runs resolint: importing the package for an
 * interpreter (no CLI start-up, no NLP import), `--help` for an executable.
 */
export function probeCommand(c: Candidate): CommandLine {
  if (c.prefix.length === 0) return { command: c.command, args: ["--help"] };
  return { command: c.command, args: ["-c", "import resolint"] };
}

export interface ProbeResult {
  ok: boolean;
  /** Why not, in a few words (e.g. "No module named 'resolint'", "not found"). */
  detail?: string;
}

export type Discovery =
  | { kind: "found"; candidate: Candidate; skipped: Array<{ candidate: Candidate; detail: string }> }
  /** An explicit setting does not work: tell the user to fix that setting. */
  | { kind: "setting-broken"; candidate: Candidate; detail: string; message: string }
  /** Nothing configured works: the caller may offer the private environment. */
  | { kind: "none"; skipped: Array<{ candidate: Candidate; detail: string }>; message: string };

export async function discover(
  cands: Candidate[],
  probe: (c: Candidate) => Promise<ProbeResult>,
): Promise<Discovery> {
  const skipped: Array<{ candidate: Candidate; detail: string }> = [];
  for (const c of cands) {
    const r = await probe(c);
    if (r.ok) return { kind: "found", candidate: c, skipped };
    const detail = r.detail ?? "did not run";
    if (c.strict) return { kind: "setting-broken", candidate: c, detail, message: settingBrokenMessage(c, detail) };
    skipped.push({ candidate: c, detail });
  }
  return { kind: "none", skipped, message: NO_SERVER_MESSAGE };
}

export function settingBrokenMessage(c: Candidate, detail: string): string {
  if (c.source === "resolint.path") {
    return (
      `resolint: the executable in "resolint.path" (${c.command}) does not run (${detail}). ` +
      `Point it at a resolint executable, or clear it to use a Python interpreter.`
    );
  }
  if (detail === "not found") {
    return (
      `resolint: the interpreter in "resolint.interpreter" (${c.command}) was not found. ` +
      `Point the setting at a Python that has resolint, or clear it.`
    );
  }
  return (
    `resolint: the interpreter in "resolint.interpreter" (${c.command}) cannot run resolint (${detail}). ` +
    `Install resolint there from its wheel or a clone ("${c.command} -m pip install <resolint wheel or folder>"), ` +
    `or point the setting at a Python that has it.`
  );
}

/** The one message shown when no server can be found and no private env is wanted. */
export const NO_SERVER_MESSAGE =
  "resolint: no Python with resolint was found. Set \"resolint.interpreter\" to a Python that has " +
  "resolint, select such an interpreter in the Python extension, " +
  "or let resolint create its own environment with the copy of resolint this extension ships.";

/** Where the private environment's interpreter lives inside the extension's global storage. */
export function privateEnvPython(storageDir: string, platform: string): string {
  const sep = platform === "win32" ? "\\" : "/";
  const dir = storageDir.replace(/[\\/]+$/, "") + sep + "venv";
  return platform === "win32" ? `${dir}\\Scripts\\python.exe` : `${dir}/bin/python`;
}

export function privateEnvDir(storageDir: string, platform: string): string {
  const sep = platform === "win32" ? "\\" : "/";
  return storageDir.replace(/[\\/]+$/, "") + sep + "venv";
}

/**
 * Pythons that may create the private environment, best first. The Python
 * extension's interpreter (which may lack resolint but can make a venv) comes first.
 */
export function basePythons(platform: string, pythonExtensionInterpreter?: string): CommandLine[] {
  const out: CommandLine[] = [];
  if (pythonExtensionInterpreter) out.push({ command: pythonExtensionInterpreter, args: [] });
  if (platform === "win32") out.push({ command: "py", args: ["-3"] }, { command: "python", args: [] });
  else out.push({ command: "python3", args: [] }, { command: "python", args: [] });
  return out;
}

/**
 * The steps that make the private environment: a venv, then resolint from the wheel
 * bundled in the extension (resolint is not on a package index; pip still takes its
 * dependencies from the index the user's pip is configured with).
 */
export function privateEnvSteps(base: CommandLine, envDir: string, envPython: string, wheel: string): CommandLine[] {
  return [
    { command: base.command, args: [...base.args, "-m", "venv", envDir] },
    { command: envPython, args: ["-m", "pip", "install", "--disable-pip-version-check", "--upgrade", wheel] },
  ];
}

/** The folder of the extension that holds the bundled wheel (see scripts/prepublish.mjs). */
export const BUNDLED_DIR = "bundled";

/** The bundled resolint wheel among a folder's file names (the newest version if several). */
export function bundledWheel(files: string[]): string | undefined {
  const wheels = files.filter((f) => /^resolint-[^-]+-py3-none-any\.whl$/.test(f));
  const version = (f: string) => f.split("-")[1].split(".").map((n) => parseInt(n, 10) || 0);
  wheels.sort((a, b) => {
    const [x, y] = [version(a), version(b)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  });
  return wheels.at(-1);
}
