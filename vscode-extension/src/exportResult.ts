/**
 * What the server's `resolint.exportAkn` command answered, as one of three outcomes.
 * Kept free of `vscode` so the unit tests can run it under plain node.
 */
export type ExportOutcome =
  | { kind: "content"; content: string; language: string }
  | { kind: "refused"; message: string; reasons: string[] }
  | { kind: "error"; message: string };

export function exportOutcome(answer: unknown): ExportOutcome {
  if (typeof answer !== "object" || answer === null) {
    return { kind: "error", message: "the resolint server gave no answer to the export" };
  }
  const a = answer as Record<string, unknown>;
  if (typeof a.content === "string") {
    return { kind: "content", content: a.content, language: a.format === "html" ? "html" : "xml" };
  }
  if (Array.isArray(a.refused)) {
    const reasons = a.refused.map(String);
    const message = typeof a.message === "string" ? a.message : `not exported: ${reasons.join("; ")}`;
    return { kind: "refused", message, reasons };
  }
  return { kind: "error", message: typeof a.error === "string" ? a.error : "the export failed" };
}
