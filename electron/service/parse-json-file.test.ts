import { describe, expect, it } from "vitest";
import { parseJsonText } from "./parse-json-file.js";

describe("parseJsonText", () => {
  it("names the line and column of the fault and never quotes the file", () => {
    const text = '{\n  "password": "s3cr3t-value",\n  "x": ]\n}';
    const r = parseJsonText("sources.json", text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/^not valid JSON \(line 3, column 8\)/);
    expect(r.error.message).not.toContain("s3cr3t");
  });

  it("finds the fault where V8 gives no position", () => {
    for (const [text, where] of [
      ['{"key": "secret-1" x}', "line 1, column 20"],
      ['{"a": }', "line 1, column 7"],
      ['{"a":1', "line 1, column 7"],
      ["[1,]", "line 1, column 4"],
    ] as const) {
      const r = parseJsonText("f.json", text);
      expect(r.ok ? "" : r.error.message, text).toContain(where);
      expect(r.ok ? "" : r.error.message).not.toContain("secret-1");
    }
  });
});
