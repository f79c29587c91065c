/**
 * The status bar item: the house style the server detected for the active file
 * (from its `resolint/status` notification, when it sends one) and the number of
 * resolint findings in that file: the server's count in that notification (it sends at
 * most `resolint.maxDiagnostics` diagnostics, and counts them all), else VS Code's own
 * diagnostics with source "resolint" (a server that sends no count).
 */
import * as vscode from "vscode";
import { DocFilter } from "./settings";
import { statusText, statusTooltip } from "./status";

export const DIAGNOSTIC_SOURCE = "resolint";

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly styles = new Map<string, { style: string; reason?: string; count?: number }>();
  private selector: DocFilter[] = [];
  private server = "not started";
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem("resolint.status", vscode.StatusBarAlignment.Right, 100);
    this.item.name = "resolint";
    this.item.command = "resolint.showOutput";
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.styles.delete(d.uri.toString())),
    );
  }

  /** Which documents are ours (the client's document selector). */
  setSelector(selector: DocFilter[]): void {
    this.selector = selector;
    this.update();
  }

  /** How the server is run, or why it is not, for the tooltip. */
  setServer(description: string, ok: boolean): void {
    this.server = description;
    this.item.backgroundColor = ok ? undefined : new vscode.ThemeColor("statusBarItem.warningBackground");
    this.update();
  }

  /** From the server's `resolint/status` notification. */
  setStyle(uri: string, style: string | undefined, reason?: string, count?: number): void {
    if (style) this.styles.set(uri, { style, reason, count });
    else this.styles.delete(uri);
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || vscode.languages.match(this.selector, doc) === 0) {
      this.item.hide();
      return;
    }
    const key = doc.uri.toString();
    const st = this.styles.get(key);
    const count = st?.count ?? vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    this.item.text = statusText(st?.style, count);
    this.item.tooltip = statusTooltip(st?.style, count, this.server, st?.reason);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
