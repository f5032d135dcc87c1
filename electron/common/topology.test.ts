import { describe, expect, it } from "vitest";
import { checkTopology } from "./topology.js";

const base = { columns: 3, rows: 2, display: { width: 1920, height: 1080 }, bezel: { x: 24, y: 24 } };

describe("checkTopology", () => {
  it("names displays D1…Dn row-major when the list is left out and derives the canvas", () => {
    const r = checkTopology("wall.json", base);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.displays.map((d) => `${d.id}@${d.col},${d.row}`)).toEqual(["D1@0,0", "D2@1,0", "D3@2,0", "D4@0,1", "D5@1,1", "D6@2,1"]);
    expect(r.value.canvas).toEqual({ width: 3 * 1920 + 2 * 24, height: 2 * 1080 + 24 });
  });

  it("refuses duplicate ids, displays off the wall and two displays in one cell, naming the JSON path", () => {
    const r = checkTopology("wall.json", {
      ...base,
      displays: [
        { id: "A", col: 0, row: 0 },
        { id: "A", col: 1, row: 0 },
        { id: "B", col: 3, row: 0 },
        { id: "C", col: 0, row: 0 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(["$.displays[1].id", "$.displays[2]", "$.displays[3]"]);
    expect(r.errors[1]!.message).toContain("outside the 3×2 wall");
  });

  it("reports schema errors with the file and the path", () => {
    const r = checkTopology("wall.json", { ...base, display: { width: "wide", height: 1080 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: "wall.json", path: "$.display.width" });
  });
});
