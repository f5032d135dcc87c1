import { describe, expect, it } from "vitest";
import { resolvePointer } from "./json-pointer.js";

describe("resolvePointer (RFC 6901)", () => {
  const doc = { data: { items: [{ v: 1 }, { v: 2 }], "a/b": 3, "m~n": 4, zero: 0 } };
  it("walks objects and arrays and unescapes ~1 and ~0", () => {
    expect(resolvePointer(doc, "")).toEqual({ found: true, value: doc });
    expect(resolvePointer(doc, "/data/items/1/v")).toEqual({ found: true, value: 2 });
    expect(resolvePointer(doc, "/data/a~1b")).toEqual({ found: true, value: 3 });
    expect(resolvePointer(doc, "/data/m~0n")).toEqual({ found: true, value: 4 });
    expect(resolvePointer(doc, "/data/zero")).toEqual({ found: true, value: 0 });
  });
  it("reports what is missing instead of guessing", () => {
    for (const p of ["/data/items/2", "/data/items/-", "/data/items/01", "/nope", "data", "/data/toString", "/data/items/length"]) expect(resolvePointer(doc, p), p).toEqual({ found: false });
  });
});
