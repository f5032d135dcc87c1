import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLayout, LAYOUT_FILE_SUFFIX } from "./layout.js";

const layout = (tiles: unknown[], extra: Record<string, unknown> = {}) => ({
  id: "l1",
  title: { vi: "Thử nghiệm", en: "Test" },
  grid: { columns: 4, rows: 2 },
  tiles,
  ...extra,
});
const tile = (id: string, x: number, y: number, w = 1, h = 1, widget = "clock", options: unknown = {}) => ({ id, x, y, w, h, widget, options });

function errorsOf(raw: unknown, id = "l1") {
  const r = checkLayout("l1.layout.json", raw, id);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
}

describe("checkLayout", () => {
  it("accepts a valid layout and fills each widget's option defaults", () => {
    const r = checkLayout("l1.layout.json", layout([tile("a", 0, 0, 2, 2), tile("b", 2, 0, 2, 2, "text", { body: { vi: "Xin chào" } })]), "l1");
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.tiles[0]!.options).toEqual({ timeZone: "Asia/Ho_Chi_Minh", showSeconds: true, showDate: true });
    expect(r.value.tiles[1]!.options).toMatchObject({ size: "medium", align: "left" });
  });

  it("refuses overlapping tiles", () => {
    expect(errorsOf(layout([tile("a", 0, 0, 2, 2), tile("b", 1, 1)]))).toEqual(['$.tiles[1]: tile "b" overlaps tile "a" ($.tiles[0])']);
  });

  it("refuses tiles off the grid", () => {
    expect(errorsOf(layout([tile("a", 3, 0, 2, 1)]))[0]).toMatch(/^\$\.tiles\[0\]: tile "a" .* is off the 4×2 grid/);
    expect(errorsOf(layout([tile("a", -1, 0)]))[0]).toMatch(/^\$\.tiles\[0\]\.x: /);
  });

  it("refuses duplicate tile ids", () => {
    expect(errorsOf(layout([tile("a", 0, 0), tile("a", 1, 0)]))).toEqual(['$.tiles[1].id: duplicate tile id "a" (first at $.tiles[0])']);
  });

  it("refuses unknown widget kinds", () => {
    expect(errorsOf(layout([tile("a", 0, 0, 1, 1, "teleporter")]))[0]).toMatch(/^\$\.tiles\[0\]\.widget: unknown widget kind "teleporter"/);
  });

  it("refuses options that fail the widget's schema, at the option's path", () => {
    expect(errorsOf(layout([tile("a", 0, 0, 1, 1, "clock", { timeZone: "Mars/Olympus" })]))).toEqual(["$.tiles[0].options.timeZone: unknown IANA time zone"]);
    expect(errorsOf(layout([tile("a", 0, 0, 1, 1, "text", { size: "gigantic" })]))[0]).toMatch(/^\$\.tiles\[0\]\.options\.size: /);
    expect(errorsOf(layout([tile("a", 0, 0, 1, 1, "clock", { colour: "red" })]))[0]).toMatch(/^\$\.tiles\[0\]\.options: .*colour/);
  });

  it("refuses an id that differs from the file name", () => {
    expect(errorsOf(layout([]), "other")).toEqual(['$.id: id "l1" differs from the file name, which says "other"']);
  });

  it("refuses a layout without a Vietnamese title", () => {
    expect(errorsOf(layout([], { title: { en: "Only English" } }))[0]).toMatch(/^\$\.title\.vi: /);
  });

  it("accepts every layout the project ships", () => {
    const dir = path.resolve("layouts");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(LAYOUT_FILE_SUFFIX));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const r = checkLayout(f, JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")), f.slice(0, -LAYOUT_FILE_SUFFIX.length));
      expect(r.ok ? [] : r.errors, f).toEqual([]);
    }
  });
});
