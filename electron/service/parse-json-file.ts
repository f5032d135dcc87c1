import type { FileError } from "../common/file-errors.js";

/** JSON.parse with an error that names the file, line and column. */
export function parseJsonText(file: string, text: string): { ok: true; value: unknown } | { ok: false; error: FileError } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    let where = "";
    if (position !== undefined) {
      const before = text.slice(0, Number(position));
      const line = before.split("\n").length;
      const column = Number(position) - before.lastIndexOf("\n");
      where = ` (line ${line}, column ${column})`;
    }
    return { ok: false, error: { file, path: "$", message: `not valid JSON${where}: ${message}` } };
  }
}
