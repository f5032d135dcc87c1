import type { FileError } from "../common/file-errors.js";

/**
 * V8's own message quotes the text around the error ('Unexpected token '}', "{"key": "…"}" is not
 * valid JSON'), and a file may hold a password: keep only what names the fault.
 */
function faultOf(message: string): string {
  return message.replace(/,\s*".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
}

/**
 * Where parsing fails, when V8 does not say: the shortest prefix that is not merely unfinished
 * JSON. Every longer prefix fails too, so a binary search finds it.
 */
function failurePosition(text: string, message: string): number | undefined {
  const said = /at position (\d+)/.exec(message)?.[1];
  if (said !== undefined) return Number(said);
  if (/end of JSON input/.test(message)) return text.length;
  const unfinished = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (e) {
      // Unfinished: V8 stops at the end of the prefix, not before it.
      const m = (e as Error).message;
      const at = /at position (\d+)/.exec(m)?.[1];
      return /end of JSON input/.test(m) || (at !== undefined && Number(at) >= n);
    }
  };
  let [lo, hi] = [0, text.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (unfinished(mid + 1)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** JSON.parse with an error that names the file, line and column, and never quotes the file. */
export function parseJsonText(file: string, text: string): { ok: true; value: unknown } | { ok: false; error: FileError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const position = failurePosition(text, message);
    let where = "";
    if (position !== undefined) {
      const before = text.slice(0, position);
      const line = before.split("\n").length;
      const column = position - before.lastIndexOf("\n");
      where = ` (line ${line}, column ${column})`;
    }
    return { ok: false, error: { file, path: "$", message: `not valid JSON${where}: ${faultOf(message)}` } };
  }
}
