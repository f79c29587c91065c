/**
 * The extension's private Python environment: a venv in the extension's global
 * storage with `resolint` installed from the wheel bundled in the extension
 * (`bundled/resolint-*.whl`; its dependencies come from the package index, as pip
 * does). Offered only when no configured interpreter has resolint; created under a
 * progress notification.
 */
import * as vscode from "vscode";
import * as fs from "node:fs";
import * as path from "node:path";
import { basePythons, BUNDLED_DIR, bundledWheel, privateEnvDir, privateEnvPython, privateEnvSteps } from "./discovery";
import { describeFailure, run } from "./proc";

export function privateEnvPaths(context: vscode.ExtensionContext): { dir: string; python: string } {
  const storage = context.globalStorageUri.fsPath;
  return { dir: privateEnvDir(storage, process.platform), python: privateEnvPython(storage, process.platform) };
}

/** The private env's python if the env exists (created earlier), else undefined. */
export function existingPrivateEnv(context: vscode.ExtensionContext): string | undefined {
  const { python } = privateEnvPaths(context);
  return fs.existsSync(python) ? python : undefined;
}

/**
 * Creates the venv and installs resolint. Returns the env's python, or undefined
 * after telling the user what failed (the full log is in the output channel).
 */
export async function createPrivateEnv(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  pythonExtensionInterpreter?: string,
): Promise<string | undefined> {
  const { dir, python } = privateEnvPaths(context);
  const bundled = path.join(context.extensionPath, BUNDLED_DIR);
  const files = await fs.promises.readdir(bundled).catch(() => [] as string[]);
  const wheelName = bundledWheel(files);
  if (!wheelName) {
    void vscode.window.showErrorMessage(
      `resolint: this build of the extension has no resolint wheel in ${bundled}. Set "resolint.interpreter" ` +
        `to a Python that has resolint.`,
    );
    return undefined;
  }
  const wheel = path.join(bundled, wheelName);
  await fs.promises.mkdir(context.globalStorageUri.fsPath, { recursive: true });

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "resolint", cancellable: false },
    async (progress) => {
      let lastError = "no Python found (tried python3, python)";
      for (const base of basePythons(process.platform, pythonExtensionInterpreter)) {
        const steps = privateEnvSteps(base, dir, python, wheel);
        progress.report({ message: `Creating a Python environment with ${base.command}…` });
        const ok = await runStep(steps[0], log, 120_000);
        if (ok !== undefined) {
          lastError = `${base.command}: ${ok}`;
          continue; // try the next base Python
        }
        progress.report({ message: `Installing ${wheelName}…` });
        const pip = await runStep(steps[1], log, 600_000);
        if (pip !== undefined) {
          log.show(true);
          void vscode.window.showErrorMessage(
            `resolint: could not install resolint into ${dir} (${pip}). See the output for details.`,
          );
          return undefined;
        }
        return python;
      }
      log.show(true);
      void vscode.window.showErrorMessage(
        `resolint: could not create a Python environment (${lastError}). Install Python 3, ` +
          `or set "resolint.interpreter" to a Python that has resolint.`,
      );
      return undefined;
    },
  );
}

/** Runs one step, logging it; returns undefined on success, else why it failed. */
async function runStep(
  step: { command: string; args: string[] },
  log: vscode.LogOutputChannel,
  timeoutMs: number,
): Promise<string | undefined> {
  log.appendLine(`$ ${step.command} ${step.args.join(" ")}`);
  const r = await run(step.command, step.args, { timeoutMs });
  if (r.stdout) log.append(r.stdout);
  if (r.stderr) log.append(r.stderr);
  return describeFailure(r);
}
