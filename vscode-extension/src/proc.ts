/**
 * Running short child processes (probes, `resolint rule CODE`, venv creation).
 * Node only, no `vscode`, so the unit tests can run it against real programs.
 */
import { spawn } from "node:child_process";

export interface RunResult {
  /** Exit code; null when the process could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process did not start (ENOENT, EACCES, …) or timed out. */
  error?: string;
}

export function run(
  command: string,
  args: string[],
  opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let settled = false;
    const done = (r: RunResult) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(r);
      }
    };
    let child;
    try {
      child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, shell: false, windowsHide: true });
    } catch (e) {
      resolve({ code: null, stdout, stderr, error: String((e as Error).message ?? e) });
      return;
    }
    const timer = setTimeout(() => {
      child.kill();
      done({ code: null, stdout, stderr, error: `timed out after ${opts.timeoutMs} ms` });
    }, opts.timeoutMs ?? 30_000);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", (e: NodeJS.ErrnoException) =>
      done({ code: null, stdout, stderr, error: e.code === "ENOENT" ? "not found" : e.message }),
    );
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** The last non-empty line of stderr, which for a Python failure is the exception. */
export function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  return lines.length ? lines[lines.length - 1] : "";
}

/** A probe result from a finished run: why it failed, in a few words. */
export function describeFailure(r: RunResult): string | undefined {
  if (r.error) return r.error;
  if (r.code === 0) return undefined;
  return lastLine(r.stderr) || lastLine(r.stdout) || `exit status ${r.code}`;
}
