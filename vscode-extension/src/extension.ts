/**
 * resolint for VS Code: entry point. Wires the language client (server.ts), the
 * status bar, the commands, and the restarts on setting or interpreter changes.
 * The decisions themselves live in vscode-free modules (settings.ts, discovery.ts,
 * status.ts) that the unit tests cover.
 */
import * as vscode from "vscode";
import { fixAll, RuleDocProvider, showRuleDoc } from "./commands";
import { onPythonInterpreterChange } from "./pythonExtension";
import { ServerController } from "./server";
import { needsRestart, SettingKey } from "./settings";
import { StatusBar } from "./statusBar";

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel("resolint", { log: true });
  const status = new StatusBar();
  controller = new ServerController(context, log, status);
  const server = controller;

  context.subscriptions.push(
    log,
    status,
    server,
    vscode.commands.registerCommand("resolint.restart", () => server.restart("restart requested")),
    vscode.commands.registerCommand("resolint.showOutput", () => log.show()),
    vscode.commands.registerCommand("resolint.fixAll", fixAll),
    vscode.commands.registerCommand("resolint.showRuleDoc", showRuleDoc),
    vscode.workspace.registerTextDocumentContentProvider(RuleDocProvider.scheme, new RuleDocProvider(server)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const changed = (k: SettingKey) => e.affectsConfiguration(`resolint.${k}`);
      if (needsRestart(changed)) void server.restart("settings changed");
      // style, run and severityOverrides reach the running server through
      // workspace/didChangeConfiguration (the client's synchronize.configurationSection).
    }),
  );

  const pythonChange = await onPythonInterpreterChange(() => {
    // Only matters when the server was (or could now be) found through the Python extension.
    const source = server.candidate?.source;
    if (source === undefined || source === "python-extension" || source === "private-env") {
      void server.restart("the Python extension's interpreter changed");
    }
  });
  if (pythonChange) context.subscriptions.push(pythonChange);

  await server.restart("activated");
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
}
