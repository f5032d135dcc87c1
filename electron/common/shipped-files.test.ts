import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkAlarms } from "./alarms-file.js";
import { checkSchedules } from "./schedules-file.js";

const layouts = new Set(fs.readdirSync("layouts").filter((f) => f.endsWith(".layout.json")).map((f) => f.replace(".layout.json", "")));
const read = (name: string) => JSON.parse(fs.readFileSync(`layouts/${name}`, "utf8")) as unknown;

describe("the shipped schedules.json and alarms.json", () => {
  it("are valid against the shipped layouts", () => {
    const schedules = checkSchedules("schedules.json", read("schedules.json"), layouts);
    expect(schedules.ok ? [] : schedules.errors).toEqual([]);
    const alarms = checkAlarms("alarms.json", read("alarms.json"), layouts);
    expect(alarms.ok ? [] : alarms.errors).toEqual([]);
  });
});
