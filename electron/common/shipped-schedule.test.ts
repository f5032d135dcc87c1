import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSchedules } from "./schedules-file.js";

describe("the shipped schedules.json", () => {
  it("is valid against the shipped layouts", () => {
    const layouts = new Set(fs.readdirSync("layouts").filter((f) => f.endsWith(".layout.json")).map((f) => f.replace(".layout.json", "")));
    const checked = checkSchedules("schedules.json", JSON.parse(fs.readFileSync("layouts/schedules.json", "utf8")), layouts);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });
});
