/**
 * Text of the status bar item and small input checks; pure, for unit tests.
 */

/** Status bar text: the detected style (once the server has said) and the number of findings. */
export function statusText(style: string | undefined, findings: number | undefined): string {
  const name = style ? `resolint: ${style}` : "resolint";
  if (findings === undefined) return `$(law) ${name}`;
  return findings === 0 ? `$(law) ${name} $(check)` : `$(law) ${name} $(warning) ${findings}`;
}

export function statusTooltip(
  style: string | undefined,
  findings: number | undefined,
  server: string,
  reason?: string,
): string {
  const lines = [`resolint — ${server}`];
  if (style) lines.push(reason ? `House style: ${style} (${reason})` : `House style: ${style}`);
  if (findings !== undefined) lines.push(findings === 1 ? "1 finding in this file" : `${findings} findings in this file`);
  lines.push("Click to show the output.");
  return lines.join("\n");
}

/** A rule code as typed by a user ("pre002 ", "PRE002") in canonical form, or undefined. */
export function normalizeRuleCode(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const code = input.trim().toUpperCase();
  return /^[A-Z]{3}[0-9]{3}$/.test(code) ? code : undefined;
}

/** Params of the server's `resolint/status` notification. */
export interface StatusParams {
  uri: string;
  style?: string;
  /** Why the server chose the style, e.g. "the opening says 'The General Assembly'". */
  reason?: string;
  /** Every finding in the document, also those past `resolint.maxDiagnostics` (absent: not linted). */
  count?: number;
}

export function isStatusParams(p: unknown): p is StatusParams {
  return (
    typeof p === "object" && p !== null && typeof (p as StatusParams).uri === "string" &&
    ((p as StatusParams).style === undefined || typeof (p as StatusParams).style === "string") &&
    ((p as StatusParams).reason === undefined || typeof (p as StatusParams).reason === "string") &&
    ((p as StatusParams).count === undefined || (Number.isInteger((p as StatusParams).count) && (p as StatusParams).count! >= 0))
  );
}
