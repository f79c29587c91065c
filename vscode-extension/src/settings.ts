/**
 * The extension's settings as plain data, and what follows from them for the server.
 *
 * Nothing here imports `vscode`: the extension reads raw values through a getter and
 * these functions turn them into typed, defaulted settings, the server's
 * initializationOptions and the client's document selector. That keeps the rules
 * ("what does the server get", "when must it restart") testable with `node --test`.
 */

import manifest from "../package.json";

/**
 * One setting as package.json declares it: the part of JSON Schema the declarations use.
 * package.json's `contributes.configuration` is the one list of settings: the keys, the
 * defaults, the allowed values and the ranges below are all read from it.
 */
interface SettingSchema {
  type: "string" | "boolean" | "integer" | "array" | "object";
  default: unknown;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  patternProperties?: Record<string, { enum?: readonly string[] }>;
}

const SECTION = "resolint.";
const DECLARED = manifest.contributes.configuration.properties as Record<string, SettingSchema>;

/** The language id the extension contributes for resolution drafts. */
export const LANGUAGE_ID: string = manifest.contributes.languages[0].id;

/** The file patterns that are drafts without any setting. */
export const BUILTIN_EXTENSIONS: readonly string[] = manifest.contributes.languages[0].extensions;

/** The typed view of the settings (a test checks it has exactly package.json's keys). */
export interface ResolintSettings {
  /** Python interpreter with resolint installed ("" = not set). */
  interpreter: string;
  /** A resolint executable ("" = not set); wins over `interpreter`. */
  path: string;
  /** House style: one of package.json's `resolint.style` enum. */
  style: string;
  /** "onType" or "onSave" (package.json's `resolint.run` enum). */
  run: string;
  /** Rule code or family prefix -> severity shown in the editor. */
  severityOverrides: Record<string, string>;
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
  /** Most diagnostics the server sends for one document (0: no limit). */
  maxDiagnostics: number;
}
export type SettingKey = keyof ResolintSettings;

type Declared<K> = K extends `resolint.${infer Key}` ? (Key extends `trace.${string}` ? never : Key) : never;
/** The setting names package.json declares, as a type. */
type DeclaredKey = Declared<keyof typeof manifest.contributes.configuration.properties>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check (`npm run typecheck`): the typed view names exactly package.json's settings. */
export const INTERFACE_MATCHES_PACKAGE_JSON: Same<SettingKey, DeclaredKey> = true;

/**
 * Keys under the `resolint` section, in package.json's order. `trace.server` is
 * vscode-languageclient's own (it reads it itself).
 */
export const SETTING_KEYS: readonly string[] = Object.keys(DECLARED)
  .map((k) => k.slice(SECTION.length))
  .filter((k) => !k.startsWith("trace."));

/**
 * Settings that are the client's business: how to find and start the server, and which
 * documents the client syncs (the document selector is fixed when the client starts).
 * The server never receives them, and a change of one needs a new server process.
 */
export const CLIENT_KEYS = ["interpreter", "path", "extraGlobs"] as const satisfies readonly SettingKey[];
type ClientKey = (typeof CLIENT_KEYS)[number];

/** The schema of `resolint.<key>` in package.json. */
export function declared(key: string): SettingSchema {
  const schema = DECLARED[SECTION + key];
  if (!schema) throw new Error(`package.json declares no setting resolint.${key}`);
  return schema;
}

/** What the settings are when nothing is set: package.json's defaults. */
export const DEFAULTS = Object.fromEntries(
  SETTING_KEYS.map((k) => [k, structuredClone(declared(k).default)]),
) as unknown as ResolintSettings;

const isString = (v: unknown): v is string => typeof v === "string";

/** What a value of ``schema`` must be, for the message when it is not. */
function expected(schema: SettingSchema): string {
  if (schema.enum) return `one of ${schema.enum.join(", ")}`;
  if (schema.type === "integer") return `a whole number from ${schema.minimum ?? "-∞"} to ${schema.maximum ?? "∞"}`;
  if (schema.type === "array") return "an array of strings";
  return { string: "a string", boolean: "true or false", object: "an object" }[schema.type] ?? schema.type;
}

/**
 * The value of one setting checked against its declaration: the value, or `undefined`
 * (then the default) with one line in `problems` for a value VS Code would have flagged.
 * Items of arrays and objects are checked one by one, so one bad entry loses only itself.
 */
function checked(key: string, v: unknown, schema: SettingSchema, problems: string[]): unknown {
  const bad = () => {
    const fallback = isString(schema.default) ? schema.default : JSON.stringify(schema.default);
    problems.push(`resolint.${key} must be ${expected(schema)}; got ${JSON.stringify(v)}, using ${fallback}`);
    return undefined;
  };
  switch (schema.type) {
    case "string":
      if (!isString(v)) return bad();
      if (schema.enum) return schema.enum.includes(v) ? v : bad();
      return v.trim();
    case "boolean":
      return typeof v === "boolean" ? v : bad();
    case "integer": {
      const ok = typeof v === "number" && Number.isInteger(v)
        && v >= (schema.minimum ?? -Infinity) && v <= (schema.maximum ?? Infinity);
      return ok ? v : bad();
    }
    case "array": {
      if (!Array.isArray(v)) return bad();
      const out: string[] = [];
      for (const item of v) {
        if (isString(item) && item.trim() !== "") out.push(item.trim());
        else problems.push(`resolint.${key}: ${JSON.stringify(item)} is not a glob; ignored`);
      }
      return out;
    }
    case "object": {
      if (!v || typeof v !== "object" || Array.isArray(v)) return bad();
      const allowed = Object.values(schema.patternProperties ?? {})[0]?.enum;
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(v as Record<string, unknown>)) {
        if (isString(value) && (!allowed || allowed.includes(value))) out[name.trim().toUpperCase()] = value;
        else problems.push(`resolint.${key}.${name} must be one of ${(allowed ?? []).join(", ")}; ignored`);
      }
      return out;
    }
  }
}

/**
 * Reads settings through `get` (e.g. `workspace.getConfiguration("resolint").get`),
 * dropping values of the wrong type or outside what package.json allows, so a typo in
 * settings.json degrades to the default instead of reaching the server.
 * `problems` collects one line per value that was dropped, for the output channel.
 */
export function readSettings(get: (key: SettingKey) => unknown, problems: string[] = []): ResolintSettings {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const schema = declared(key);
    const v = get(key as SettingKey);
    const value = v === undefined || v === null ? undefined : checked(key, v, schema, problems);
    out[key] = value === undefined ? structuredClone(schema.default) : value;
  }
  return out as unknown as ResolintSettings;
}

/** What the server receives: every setting but the client's own, under the same names. */
export type ServerOptionsPayload = Omit<ResolintSettings, ClientKey>;

/**
 * The LSP `initializationOptions` (and the `resolint` section sent with
 * workspace/didChangeConfiguration). How to find the server is the client's
 * business, so the CLIENT_KEYS are not sent.
 */
export function serverPayload(s: ResolintSettings): ServerOptionsPayload {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (!(CLIENT_KEYS as readonly string[]).includes(key)) out[key] = structuredClone(s[key as SettingKey]);
  }
  return out as ServerOptionsPayload;
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
 * didChangeConfiguration: a change of one of the CLIENT_KEYS (the interpreter or
 * executable changes the process; the document selector is fixed when the client
 * starts). The others reach the running server through didChangeConfiguration.
 */
export function needsRestart(changed: (key: SettingKey) => boolean): boolean {
  return CLIENT_KEYS.some((k) => changed(k));
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
export function skipPull(run: string, mode: string): boolean {
  return run === "onSave" && mode === "onType";
}
