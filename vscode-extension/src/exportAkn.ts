/**
 * "resolint: Export as Akoma Ntoso": the active draft as AKN 3.0 XML in a new editor.
 *
 * The server does the work (`workspace/executeCommand` `resolint.exportAkn`, which the
 * language client registers as a VS Code command of the same id). When the server
 * refuses because the structure is uncertain, the user is shown why and may export anyway.
 */
import * as vscode from "vscode";
import { exportOutcome } from "./exportResult";

export const SERVER_COMMAND = "resolint.exportAkn";

export async function exportAsAkomaNtoso(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage("resolint: open a draft to export it as Akoma Ntoso.");
    return;
  }
  const uri = editor.document.uri.toString();
  const ask = async (force: boolean) => {
    try {
      return exportOutcome(await vscode.commands.executeCommand(SERVER_COMMAND, uri, { format: "akn", force }));
    } catch (e) {
      return exportOutcome({ error: `the resolint server is not running or cannot export (${String(e)})` });
    }
  };
  let outcome = await ask(false);
  if (outcome.kind === "refused") {
    const choice = await vscode.window.showWarningMessage(`resolint: ${outcome.message}`, { modal: false }, "Export anyway");
    if (choice !== "Export anyway") return;
    outcome = await ask(true);
  }
  if (outcome.kind === "content") {
    const doc = await vscode.workspace.openTextDocument({ language: outcome.language, content: outcome.content });
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  } else if (outcome.kind === "error") {
    void vscode.window.showErrorMessage(`resolint: ${outcome.message}`);
  }
}
