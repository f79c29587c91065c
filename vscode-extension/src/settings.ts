/**
 * The extension's settings as plain data, and what follows from them for the server.
 *
 * Nothing here imports `vscode`: the extension reads raw values through a getter and
 * these functions turn them into typed, defaulted settings, the server's
 * initializationOptions and the client's document selector. That keeps the rules
 * ("what does the server get", "when must it restart") testable with `node --test`.
 */

export const STYLES = ["auto", "interpol", "un-ga", "un-sc", "mun"] as const;
export type Style = (typeof STYLES)[number];

export const RUN_MODES = ["onType", "onSave"] as const;
export type RunMode = (typeof RUN_MODES)[number];

export const SEVERITIES = ["error", "warning", "information", "hint"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The language id the extension contributes for resolution drafts. */
export const LANGUAGE_ID = "resolution";

/** The file patterns that are drafts without any setting (also in package.json). */
export const BUILTIN_EXTENSIONS = [".res.txt", ".res.md", ".resolution"];

export interface ResolintSettings {
  /** Python interpreter with resolint installed ("" = not set). */
  interpreter: string;
  /** A resolint executable ("" = not set); wins over `interpreter`. */
  path: string;
  style: Style;
  run: RunMode;
  /** Rule code or family prefix -> severity shown in the editor. */
  severityOverrides: Record<string, Severity>;
  /** Extra glob patterns of files to lint, whatever their language. */
  extraGlobs: string[];
  /** Let "Format Document" apply safe fixes and renumber operative paragraphs. */
  formatting: boolean;
  /** Milliseconds the server waits after a keystroke before linting. */
  debounce: number;
  /** Root of a published copy of the documentation for rule links ("": the installed pages). */
  docsUrl: string;
  /** Milliseconds a lint as you type may run before the server stops it (0: no limit). */
  lintTimeBudget: number;
}

export const DEFAULTS: ResolintSettings = {
  interpreter: "",
  path: "",
  style: "auto",
  run: "onType",
  severityOverrides: {},
  extraGlobs: [],
  formatting: false,
  debounce: 150,
  docsUrl: "",
  lintTimeBudget: 5000,
};

/** Keys under the `resolint` section; the order is the order of package.json. */
export const SETTING_KEYS = [
  "interpreter", "path", "style", "run", "severityOverrides", "extraGlobs", "formatting", "debounce", "docsUrl",
  "lintTimeBudget",
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/**
 * Reads settings through `get` (e.g. `workspace.getConfiguration("resolint").get`),
 * dropping values of the wrong type or outside the allowed set, so a typo in
 * settings.json degrades to the default instead of reaching the server.
 * `problems` collects one line per value that was dropped, for the output channel.
 */
export function readSettings(get: (key: SettingKey) => unknown, problems: string[] = []): ResolintSettings {
  const str = (key: "interpreter" | "path" | "docsUrl"): string => {
    const v = get(key);
    if (v === undefined || v === null) return DEFAULTS[key];
    if (typeof v !== "string") {
      problems.push(`resolint.${key} must be a string; ignored`);
      return DEFAULTS[key];
    }
    return v.trim();
  };
  const oneOf = <T extends string>(key: SettingKey, allowed: readonly T[], fallback: T): T => {
    const v = get(key);
    if (v === undefined || v === null) return fallback;
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`resolint.${key} must be one of ${allowed.join(", ")}; got ${JSON.stringify(v)}, using ${fallback}`);
    return fallback;
  };

  const severityOverrides: Record<string, Severity> = {};
  const rawOverrides = get("severityOverrides");
  if (rawOverrides && typeof rawOverrides === "object" && !Array.isArray(rawOverrides)) {
    for (const [code, sev] of Object.entries(rawOverrides as Record<string, unknown>)) {
      if (typeof sev === "string" && (SEVERITIES as readonly string[]).includes(sev)) {
        severityOverrides[code.trim().toUpperCase()] = sev as Severity;
      } else {
        problems.push(`resolint.severityOverrides.${code} must be one of ${SEVERITIES.join(", ")}; ignored`);
      }
    }
  } else if (rawOverrides !== undefined && rawOverrides !== null) {
    problems.push("resolint.severityOverrides must be an object; ignored");
  }

  const extraGlobs: string[] = [];
  const rawGlobs = get("extraGlobs");
  if (Array.isArray(rawGlobs)) {
    for (const g of rawGlobs) {
      if (typeof g === "string" && g.trim() !== "") extraGlobs.push(g.trim());
      else problems.push(`resolint.extraGlobs: ${JSON.stringify(g)} is not a glob; ignored`);
    }
  } else if (rawGlobs !== undefined && rawGlobs !== null) {
    problems.push("resolint.extraGlobs must be an array of strings; ignored");
  }

  let formatting = DEFAULTS.formatting;
  const rawFormatting = get("formatting");
  if (typeof rawFormatting === "boolean") formatting = rawFormatting;
  else if (rawFormatting !== undefined && rawFormatting !== null) problems.push("resolint.formatting must be true or false; ignored");

  // The server accepts 0–10000 ms; outside that it would reject the value.
  let debounce = DEFAULTS.debounce;
  const rawDebounce = get("debounce");
  if (typeof rawDebounce === "number" && Number.isInteger(rawDebounce) && rawDebounce >= 0 && rawDebounce <= 10_000) {
    debounce = rawDebounce;
  } else if (rawDebounce !== undefined && rawDebounce !== null) {
    problems.push("resolint.debounce must be a whole number of milliseconds from 0 to 10000; ignored");
  }

  // The server accepts 0–600000 ms (0: no limit); outside that it would reject the value.
  let lintTimeBudget = DEFAULTS.lintTimeBudget;
  const rawBudget = get("lintTimeBudget");
  if (typeof rawBudget === "number" && Number.isInteger(rawBudget) && rawBudget >= 0 && rawBudget <= 600_000) {
    lintTimeBudget = rawBudget;
  } else if (rawBudget !== undefined && rawBudget !== null) {
    problems.push("resolint.lintTimeBudget must be a whole number of milliseconds from 0 to 600000; ignored");
  }

  return {
    interpreter: str("interpreter"),
    path: str("path"),
    style: oneOf("style", STYLES, DEFAULTS.style),
    run: oneOf("run", RUN_MODES, DEFAULTS.run),
    severityOverrides,
    extraGlobs,
    formatting,
    debounce,
    docsUrl: str("docsUrl"),
    lintTimeBudget,
  };
}

/** What the server receives: the settings it acts on, mirroring its own option names. */
export interface ServerOptionsPayload {
  style: Style;
  run: RunMode;
  severityOverrides: Record<string, Severity>;
  formatting: boolean;
  debounce: number;
  docsUrl: string;
  lintTimeBudget: number;
}

/**
 * The LSP `initializationOptions` (and the `resolint` section sent with
 * workspace/didChangeConfiguration). How to find the server is the client's
 * business, so `interpreter`, `path` and `extraGlobs` are not sent.
 */
export function serverPayload(s: ResolintSettings): ServerOptionsPayload {
  return {
    style: s.style,
    run: s.run,
    severityOverrides: { ...s.severityOverrides },
    formatting: s.formatting,
    debounce: s.debounce,
    docsUrl: s.docsUrl,
    lintTimeBudget: s.lintTimeBudget,
  };
}

/** A document filter in the shape both `vscode` and vscode-languageclient accept. */
export type DocFilter =
  | { language: string; scheme?: string; pattern?: string }
  | { language?: string; scheme: string; pattern?: string }
  | { language?: string; scheme?: string; pattern: string };

/**
 * Which documents the client syncs to the server: the `resolution` language (saved
 * files and untitled buffers) plus every file matching an extra glob, whatever its
 * language, so e.g. Markdown drafts keep Markdown highlighting and still get linted.
 */
export function documentSelector(s: ResolintSettings): DocFilter[] {
  const selector: DocFilter[] = [
    { language: LANGUAGE_ID, scheme: "file" },
    { language: LANGUAGE_ID, scheme: "untitled" },
  ];
  for (const pattern of s.extraGlobs) selector.push({ scheme: "file", pattern });
  return selector;
}

/**
 * Whether a change of these keys needs a new server process rather than a
 * didChangeConfiguration. The interpreter or executable changes the process; the
 * document selector (extraGlobs) is fixed when the client starts. style, run and
 * severityOverrides reach the running server through didChangeConfiguration.
 */
export function needsRestart(changed: (key: SettingKey) => boolean): boolean {
  return changed("interpreter") || changed("path") || changed("extraGlobs");
}

/**
 * Resolves `~`, `${workspaceFolder}`, `${userHome}` and relative paths in an
 * interpreter or executable setting. A bare command name ("python3", "resolint")
 * is left alone so it is looked up on PATH.
 */
export function expandPath(
  p: string,
  ctx: { home: string; workspaceFolder?: string; sep?: string },
): string {
  if (!p) return p;
  const sep = ctx.sep ?? "/";
  let out = p.replace(/\$\{userHome\}/g, ctx.home);
  if (ctx.workspaceFolder !== undefined) out = out.replace(/\$\{workspaceFolder\}/g, ctx.workspaceFolder);
  if (out === "~" || out.startsWith("~/") || out.startsWith("~\\")) out = ctx.home + out.slice(1);
  const isAbsolute = out.startsWith("/") || /^[A-Za-z]:[\\/]/.test(out) || out.startsWith("\\\\");
  const hasSeparator = out.includes("/") || out.includes("\\");
  if (!isAbsolute && hasSeparator && ctx.workspaceFolder !== undefined) {
    out = ctx.workspaceFolder.replace(/[\\/]+$/, "") + sep + out.replace(/^\.[\\/]/, "");
  }
  return out;
}

/**
 * Whether the client should skip a diagnostic pull. With `resolint.run: onSave` a pull
 * on each keystroke is skipped (the server, if it pushes, applies the same setting).
 * `mode` is vscode-languageclient's DiagnosticPullMode: "onType", "onSave" or "onFocus".
 * Read at each pull, so changing the setting needs no restart.
 */
export function skipPull(run: RunMode, mode: string): boolean {
  return run === "onSave" && mode === "onType";
}
