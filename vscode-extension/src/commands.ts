/**
 * The commands: fix all, and show a rule's documentation.
 * (Restart and show output are one-liners in extension.ts.)
 */
import * as vscode from "vscode";
import { ruleCommand } from "./discovery";
import { describeFailure, run } from "./proc";
import { ServerController } from "./server";
import { normalizeRuleCode } from "./status";
import { DIAGNOSTIC_SOURCE } from "./statusBar";

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append("resolint");

/**
 * Applies the server's `source.fixAll.resolint` action to the active editor, the
 * same action `editor.codeActionsOnSave` runs. Goes through VS Code's code action
 * providers, so it works whichever way the server computes the edit (edit or command).
 */
export async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    "vscode.executeCodeActionProvider", doc.uri, whole, FIX_ALL_KIND.value, 1,
  );
  const fixes = (actions ?? []).filter(
    (a): a is vscode.CodeAction => "kind" in a && a.kind !== undefined && FIX_ALL_KIND.contains(a.kind),
  );
  // The server offers its fix-all disabled, with the reason, where `resolint check --fix`
  // leaves the draft as it is (text it could not place, a style only guessed): say why.
  const refused = fixes.find((a) => a.disabled !== undefined);
  if (refused?.disabled) {
    void vscode.window.showInformationMessage(`resolint: ${refused.disabled.reason}`);
    return;
  }
  let applied = false;
  for (const a of fixes) {
    if (a.edit && a.edit.size > 0) applied = (await vscode.workspace.applyEdit(a.edit)) || applied;
    if (a.command) {
      await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
      applied = true;
    }
  }
  if (!applied) void vscode.window.setStatusBarMessage("resolint: nothing to fix", 3000);
}

/** Virtual read-only documents `resolint-rule:/CODE.md` holding `resolint rule CODE`. */
export class RuleDocProvider implements vscode.TextDocumentContentProvider {
  static readonly scheme = "resolint-rule";
  private readonly cache = new Map<string, string>();

  constructor(private readonly server: ServerController) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const code = uri.path.replace(/^\//, "").replace(/\.md$/, "");
    const cached = this.cache.get(code);
    if (cached !== undefined) return cached;
    const c = this.server.candidate;
    if (!c) return `# ${code}\n\nThe resolint server is not running, so its documentation cannot be read.\n`;
    const cmd = ruleCommand(c, code);
    const r = await run(cmd.command, cmd.args, { timeoutMs: 30_000 });
    const failure = describeFailure(r);
    if (failure) return `# ${code}\n\n\`${cmd.command} ${cmd.args.join(" ")}\` failed: ${failure}\n`;
    this.cache.set(code, r.stdout);
    return r.stdout;
  }
}

/** The resolint code under the cursor, to prefill the input box. */
function codeAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const pos = editor.selection.active;
  const d = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((x) => x.source === DIAGNOSTIC_SOURCE && x.range.contains(pos));
  const code = d?.code;
  if (typeof code === "string" || typeof code === "number") return String(code);
  return code ? String(code.value) : undefined;
}

export async function showRuleDoc(arg?: unknown): Promise<void> {
  let code = typeof arg === "string" ? normalizeRuleCode(arg) : undefined;
  if (!code) {
    const input = await vscode.window.showInputBox({
      title: "resolint: Show Rule Documentation",
      prompt: "Rule code, e.g. PRE002",
      value: codeAtCursor() ?? "",
      validateInput: (v) => (normalizeRuleCode(v) ? undefined : "A rule code is three letters and three digits, e.g. OPR001"),
    });
    code = normalizeRuleCode(input);
  }
  if (!code) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(`${RuleDocProvider.scheme}:/${code}.md`));
  await vscode.languages.setTextDocumentLanguage(doc, "markdown");
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
}
