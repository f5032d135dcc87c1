import type { z } from "zod";

/** One problem in one configuration file, at one JSON path ("$" is the whole document). */
export interface FileError {
  file: string;
  path: string;
  message: string;
}

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "$";
  for (const key of path) {
    out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

export function zodErrors(file: string, error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): FileError[] {
  return error.issues.map((issue) => ({
    file,
    path: jsonPath([...prefix, ...issue.path]),
    message: issue.message,
  }));
}

export function formatFileError(e: FileError): string {
  return `${e.file} ${e.path}: ${e.message}`;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FileError[] };
