/**
 * Starts, stops and restarts the resolint language server.
 *
 * Every start re-reads the settings and runs discovery again (see discovery.ts), so
 * a restart after a change of interpreter picks the new one. Starts and stops are
 * queued: a burst of setting changes cannot leave two servers running.
 */
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";
import { Candidate, candidates, discover, executable, probeCommand, serverCommand, Source } from "./discovery";
import { createPrivateEnv, existingPrivateEnv } from "./privateEnv";
import { describeFailure, run } from "./proc";
import { pythonExtensionInterpreter } from "./pythonExtension";
import {
  documentSelector, expandPath, readSettings, ResolintSettings, serverPayload, SettingKey, skipPull,
} from "./settings";
import { isStatusParams } from "./status";
import { StatusBar } from "./statusBar";

const SOURCE_LABEL: Record<Source, string> = {
  "resolint.path": "resolint.path",
  "resolint.interpreter": "resolint.interpreter",
  "python-extension": "the Python extension's interpreter",
  "private-env": "resolint's private environment",
};

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** The command that runs resolint now (also used for `resolint rule CODE`). */
  candidate: Candidate | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** The user said "no" to a private environment: do not ask again this session. */
  private declinedPrivateEnv = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    private readonly status: StatusBar,
  ) {}

  /** Stops the running server (if any) and starts one afresh. */
  restart(reason: string): Promise<void> {
    this.queue = this.queue.then(async () => {
      this.log.appendLine(`[client] ${reason}`);
      await this.stopNow();
      await this.startNow();
    }).catch((e) => this.log.appendLine(`[client] restart failed: ${String(e)}`));
    return this.queue;
  }

  stop(): Promise<void> {
    this.queue = this.queue.then(() => this.stopNow());
    return this.queue;
  }

  private settings(): ResolintSettings {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const cfg = vscode.workspace.getConfiguration("resolint", folder?.uri);
    const problems: string[] = [];
    const s = readSettings((k: SettingKey) => cfg.get(k), problems);
    for (const p of problems) this.log.appendLine(`[settings] ${p}`);
    const ctx = { home: os.homedir(), workspaceFolder: folder?.uri.fsPath, sep: path.sep };
    return { ...s, interpreter: expandPath(s.interpreter, ctx), path: expandPath(s.path, ctx) };
  }

  /** resolint.run for a document, read quietly (it is consulted at every pull). */
  private runMode(uri: vscode.Uri): ResolintSettings["run"] {
    const cfg = vscode.workspace.getConfiguration("resolint", uri);
    return readSettings((k: SettingKey) => cfg.get(k)).run;
  }

  private async probe(c: Candidate) {
    const p = probeCommand(c);
    const r = await run(p.command, p.args, { timeoutMs: 20_000 });
    const detail = describeFailure(r);
    this.log.appendLine(`[client] ${SOURCE_LABEL[c.source]}: ${c.command} … ${detail ? `no (${detail})` : "ok"}`);
    return { ok: detail === undefined, detail };
  }

  private async startNow(): Promise<void> {
    const settings = this.settings();
    const selector = documentSelector(settings);
    this.status.setSelector(selector);

    const folder = vscode.workspace.workspaceFolders?.[0];
    const explicit = settings.path !== "" || settings.interpreter !== "";
    const inputs = {
      path: settings.path,
      interpreter: settings.interpreter,
      // Only ask the Python extension when it can matter (it may take a while to activate).
      pythonExtensionInterpreter: explicit ? undefined : await pythonExtensionInterpreter(folder?.uri),
      privateEnvPython: explicit ? undefined : existingPrivateEnv(this.context),
    };
    const found = await discover(candidates(inputs), (c) => this.probe(c));
    if (found.kind === "setting-broken") {
      this.candidate = undefined;
      this.status.setServer("not running: fix the setting", false);
      this.log.appendLine(`[client] ${found.message}`);
      void vscode.window.showErrorMessage(found.message, "Open Settings").then((pick) => {
        if (pick) void vscode.commands.executeCommand("workbench.action.openSettings", found.candidate.source);
      });
      return;
    }
    if (found.kind === "none") {
      this.candidate = undefined;
      this.status.setServer("not running: no Python with resolint", false);
      this.log.appendLine(`[client] ${found.message}`);
      // Not awaited: the notification may stay unanswered, and must not block restarts.
      void this.offerPrivateEnv(found.message, inputs.pythonExtensionInterpreter);
      return;
    }

    this.candidate = found.candidate;
    const cmd = serverCommand(found.candidate);
    this.log.appendLine(`[client] starting ${cmd.command} ${cmd.args.join(" ")} (from ${SOURCE_LABEL[found.candidate.source]})`);
    const serverOptions: ServerOptions = executable(cmd, folder?.uri.fsPath, process.env);
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector,
      initializationOptions: serverPayload(settings),
      // Sends workspace/didChangeConfiguration with the whole "resolint" section.
      synchronize: { configurationSection: "resolint" },
      outputChannel: this.log,
      diagnosticCollectionName: "resolint",
      // resolint.run: onSave skips the pulls on typing; the setting is read at each pull.
      diagnosticPullOptions: {
        onChange: true,
        onSave: true,
        filter: (doc, mode) => skipPull(this.runMode(doc.uri), mode),
      },
    };
    const client = new LanguageClient("resolint", "resolint", serverOptions, clientOptions);
    client.onNotification("resolint/status", (params: unknown) => {
      if (isStatusParams(params)) this.status.setStyle(params.uri, params.style, params.reason, params.count);
    });
    this.client = client;
    try {
      await client.start();
      this.status.setServer(`${cmd.command} ${cmd.args.join(" ")}`, true);
    } catch (e) {
      this.status.setServer("failed to start (see output)", false);
      this.log.appendLine(`[client] the server failed to start: ${String(e)}`);
      void vscode.window.showErrorMessage(
        `resolint: the server (${cmd.command} ${cmd.args.join(" ")}) failed to start. See "resolint: Show Output".`,
      );
    }
  }

  /**
   * Nothing works: say so once, with what to do. "Create environment" makes the
   * private venv and restarts; after a "no" this session only shows the message.
   */
  private async offerPrivateEnv(message: string, pythonExt?: string): Promise<void> {
    const create = "Create environment";
    const settings = "Open Settings";
    const actions = this.declinedPrivateEnv ? [settings] : [create, settings];
    const pick = await vscode.window.showWarningMessage(message, ...actions);
    if (pick === settings) {
      void vscode.commands.executeCommand("workbench.action.openSettings", "resolint.interpreter");
    }
    if (pick !== create) {
      this.declinedPrivateEnv = true;
      return;
    }
    const python = await createPrivateEnv(this.context, this.log, pythonExt);
    if (python) await this.restart(`private environment ready: ${python}`);
  }

  private async stopNow(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (!c) return;
    try {
      if (c.needsStop()) await c.stop(5_000);
    } catch (e) {
      this.log.appendLine(`[client] stopping the server: ${String(e)}`);
    }
  }

  dispose(): void {
    void this.stop();
  }
}
