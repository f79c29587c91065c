// What a person does and sees in the VS Code workbench, through the page's DOM and
// keyboard: open a file, run a command, go to a position, pick a quick fix, read the
// editor's text and the Problems panel. Selectors are those of VS Code 1.100.

import * as path from "node:path";

const mod = "Control";

export class Workbench {
  /** The Problems panel rows last read (for failure reports). */
  lastProblemRows = [];

  constructor(page) {
    this.page = page;
  }

  /** The active editor's text as shown (Monaco renders each line as a .view-line, ordered by `top`). */
  async editorText() {
    return this.page.evaluate(() => {
      const editor = document.querySelector(".editor-group-container.active .monaco-editor .view-lines");
      if (!editor) return null;
      return [...editor.querySelectorAll(".view-line")]
        .map((el) => ({ top: parseFloat(el.style.top), text: el.textContent.replace(/\u00a0/g, " ") }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text)
        .join("\n");
    });
  }

  /**
   * resolint's rows of the Problems panel for `file`:
   * [{text, code, severity, line, col}] (code like "PRE004", line and col 1-based).
   */
  async problems(file = "draft.res.txt") {
    // File rows ("draft.res.txt2") head their markers ("message resolint(PRE004) [Ln 5, Col 82]").
    const rows = await this.page.$$eval(".markers-panel .monaco-list-row", (els) =>
      els.map((e) => ({
        text: e.textContent || "",
        // The severity icon is a codicon: codicon-error, codicon-warning, codicon-info.
        icon: [...e.querySelectorAll("[class*='codicon-']")].map((i) => i.className).join(" "),
      })),
    );
    this.lastProblemRows = rows.map((r) => r.text);
    const out = [];
    let current;
    for (const { text, icon } of rows) {
      const pos = /\[Ln (\d+), Col (\d+)\]/.exec(text);
      if (!pos) {
        current = text;
        continue;
      }
      const code = /resolint\(?([A-Z]{3}[0-9]{3})/.exec(text)?.[1]; // the "(…)" may be CSS
      const severity = /codicon-error/.test(icon) ? "error" : /codicon-warning/.test(icon) ? "warning" : "info";
      if (code && current?.startsWith(file)) out.push({ text, code, severity, line: Number(pos[1]), col: Number(pos[2]) });
    }
    return out;
  }

  async showProblems() {
    if (!(await this.page.locator(".markers-panel").isVisible().catch(() => false))) {
      await this.page.keyboard.press(`${mod}+Shift+m`);
      await this.page.locator(".markers-panel").waitFor({ state: "visible", timeout: 10_000 });
    }
  }

  /** Runs a command from the command palette by its title. */
  async runCommand(title) {
    await this.page.keyboard.press("F1");
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(`>${title}`);
    await this.page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first()
      .waitFor({ state: "visible", timeout: 10_000 });
    await this.page.keyboard.press("Enter");
  }

  /** Opens a workspace file with Quick Open and focuses its editor. */
  async openFile(name) {
    const base = path.basename(name);
    await this.page.keyboard.press(`${mod}+p`);
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(name);
    // Enter only once the focused (first) result is the file: the list updates as we type.
    await this.page.locator(".quick-input-widget .monaco-list-row.focused", { hasText: base }).first()
      .waitFor({ timeout: 10_000 });
    await this.page.keyboard.press("Enter");
    await this.page.locator(`.tab.active[aria-label*="${base}"]`).waitFor({ timeout: 10_000 });
    await this.page.locator(".editor-group-container.active .monaco-editor textarea").first().focus();
  }

  /** Moves the cursor with Go to Line (1-based line and column; both must exist). */
  async goTo(line, col) {
    await this.page.keyboard.press(`${mod}+g`);
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(`:${line}:${col}`); // ":" is the go-to-line prefix of the quick input
    await this.page.keyboard.press("Enter");
  }

  /**
   * Opens the quick fix menu (Ctrl+.) and chooses the item matching `re` with the
   * keyboard, as a user would (the menu's pointer block makes synthetic clicks unreliable).
   */
  async quickFix(re) {
    await this.page.keyboard.press(`${mod}+.`);
    const rows = this.page.locator(".action-widget .monaco-list-row");
    await rows.filter({ hasText: re }).first().waitFor({ state: "visible", timeout: 10_000 });
    for (let i = 0; i < 20; i++) {
      const focused = await this.page.locator(".action-widget .monaco-list-row.focused").first().textContent().catch(() => "");
      if (re.test(focused ?? "")) {
        await this.page.keyboard.press("Enter");
        return;
      }
      await this.page.keyboard.press("ArrowDown");
    }
    const all = await rows.allTextContents();
    await this.page.keyboard.press("Escape");
    throw new Error(`no quick fix matching ${re} in ${JSON.stringify(all)}`);
  }

  async type(text) {
    await this.page.keyboard.type(text);
  }

  async press(key) {
    await this.page.keyboard.press(key.replace(/^Mod\+/, `${mod}+`));
  }

  /** The visible notification toasts: [{message, buttons: [label]}]. */
  async notifications() {
    return this.page.$$eval(".notification-toast", (els) =>
      els.map((e) => ({
        message: e.querySelector(".notification-list-item-message")?.textContent ?? "",
        buttons: [...e.querySelectorAll(".monaco-button")].map((b) => (b.textContent ?? "").trim()).filter(Boolean),
      })),
    );
  }

  /** Texts of the status bar items. */
  async statusBar() {
    return this.page.$$eval(".statusbar-item", (els) => els.map((e) => (e.textContent ?? "").trim()));
  }

  /** Labels of the Outline view's rendered rows (open it first). */
  async outlineRows() {
    return this.page.$$eval(".outline-pane .monaco-list-row, [id='outline'] .monaco-list-row",
      (els) => els.map((e) => (e.getAttribute("aria-label") || e.textContent || "").trim()));
  }
}
