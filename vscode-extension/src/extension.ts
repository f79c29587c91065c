/**
 * resolint for VS Code: entry point. Wires the language client (server.ts), the
 * status bar, the commands, and the restarts on setting or interpreter changes.
 * The decisions themselves live in vscode-free modules (settings.ts, discovery.ts,
 * status.ts) that the unit tests cover.
 */
import * as vscode from "vscode";
import { fixAll, RuleDocProvider, showRuleDoc } from "./commands";
import { exportAsAkomaNtoso } from "./exportAkn";
import { onPythonInterpreterChange } from "./pythonExtension";
import { ServerController } from "./server";
import { documentSelector, needsRestart, readSettings, SettingKey } from "./settings";
import { StatusBar } from "./statusBar";

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel("resolint", { log: true });
  const status = new StatusBar();
  controller = new ServerController(context, log, status);
  const server = controller;

  // The server starts when the first document it lints is open: the extension also
  // activates for Markdown and plain text (drafts matched by resolint.extraGlobs), and
  // most of those files are not drafts.
  let started = false;
  const startIfNeeded = (why: string) => {
    if (started) return;
    const cfg = vscode.workspace.getConfiguration("resolint");
    const selector = documentSelector(readSettings((k: SettingKey) => cfg.get(k)));
    if (!vscode.workspace.textDocuments.some((d) => vscode.languages.match(selector, d) > 0)) return;
    started = true;
    void server.restart(why);
  };

  context.subscriptions.push(
    log,
    status,
    server,
    vscode.commands.registerCommand("resolint.restart", () => {
      started = true;
      return server.restart("restart requested");
    }),
    vscode.commands.registerCommand("resolint.showOutput", () => log.show()),
    vscode.commands.registerCommand("resolint.fixAll", fixAll),
    vscode.commands.registerCommand("resolint.showRuleDoc", showRuleDoc),
    vscode.commands.registerCommand("resolint.exportAsAkomaNtoso", exportAsAkomaNtoso),
    vscode.workspace.registerTextDocumentContentProvider(RuleDocProvider.scheme, new RuleDocProvider(server)),
    vscode.workspace.onDidOpenTextDocument((d) => startIfNeeded(`opened ${d.uri.fsPath || d.uri.toString()}`)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const changed = (k: SettingKey) => e.affectsConfiguration(`resolint.${k}`);
      if (!started) startIfNeeded("settings changed"); // new extraGlobs may match an open file
      else if (needsRestart(changed)) void server.restart("settings changed");
      // The other settings reach the running server through workspace/didChangeConfiguration
      // (the client's synchronize.configurationSection).
    }),
  );

  const pythonChange = await onPythonInterpreterChange(() => {
    // Only matters when the server was (or could now be) found through the Python extension.
    const source = server.candidate?.source;
    if (started && (source === undefined || source === "python-extension" || source === "private-env")) {
      void server.restart("the Python extension's interpreter changed");
    }
  });
  if (pythonChange) context.subscriptions.push(pythonChange);

  startIfNeeded("activated");
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
}
