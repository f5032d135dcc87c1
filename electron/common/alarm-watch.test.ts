import { describe, expect, it } from "vitest";
import { AlarmWatch } from "./alarm-watch.js";
import { checkAlarms, type AlarmRule } from "./alarms-file.js";

const rule = (r: Partial<AlarmRule>): AlarmRule => ({ id: "r", topic: "a.b", priority: 50, layout: "overview", ...r }) as AlarmRule;
const events = (...ids: Array<[string, string]>) => ({ kind: "events" as const, items: ids.map(([id, priority]) => ({ id, ts: 1, title: `Phản ánh ${id}`, priority })) });

describe("AlarmWatch", () => {
  it("raises once on a new event that matches, never on the history it starts with", () => {
    const w = new AlarmWatch(rule({ match: { priority: "urgent" } }));
    expect(w.take(events(["1", "urgent"], ["2", "normal"]))).toEqual([]);
    expect(w.take(events(["3", "urgent"], ["1", "urgent"], ["4", "normal"]))).toEqual([{ kind: "raise", key: "r:3", title: "Phản ánh 3", event: expect.objectContaining({ id: "3" }) }]);
    expect(w.take(events(["3", "urgent"]))).toEqual([]);
  });

  it("carries on another watch's memory: an event that came between the two is raised, one already seen is not", () => {
    const before = new AlarmWatch(rule({ match: { priority: "urgent" } }));
    before.take(events(["1", "urgent"]));
    // The next leader's watch starts from the memory the last one left; its first value is no baseline.
    const after = new AlarmWatch(before.rule, JSON.parse(JSON.stringify(before.memory())));
    expect(after.take(events(["1", "urgent"], ["2", "urgent"]))).toEqual([{ kind: "raise", key: "r:2", title: "Phản ánh 2", event: expect.objectContaining({ id: "2" }) }]);
  });

  it("raises when a number crosses its line, and clears when it is back", () => {
    const w = new AlarmWatch(rule({ above: 4 }));
    const n = (value: number) => ({ kind: "number" as const, value, unit: "‰" });
    expect(w.take(n(3.5))).toEqual([]);
    expect(w.take(n(4.2))).toEqual([{ kind: "raise", key: "r", title: "4.2 ‰", event: { value: 4.2 } }]);
    expect(w.take(n(4.5))).toEqual([]);
    expect(w.take(n(3.9))).toEqual([{ kind: "clear", key: "r" }]);
  });

  it("raises when a status item goes down", () => {
    const w = new AlarmWatch(rule({ down: true }));
    const s = (up: boolean) => ({ kind: "status" as const, items: [{ id: "cam-07", label: "Chùa Dơi", up }] });
    expect(w.take(s(false))).toEqual([]);
    expect(w.take(s(true))).toEqual([]);
    expect(w.take(s(false))).toEqual([{ kind: "raise", key: "r:cam-07", title: "Chùa Dơi", event: { id: "cam-07", camera: "cam-07" } }]);
  });
});

describe("checkAlarms", () => {
  it("wants one kind per rule and layouts that exist", () => {
    const r = checkAlarms("alarms.json", { rules: [{ id: "a", topic: "x.y", priority: 10, layout: "nowhere", above: 3, down: true }] }, new Set(["overview"]));
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(["$.rules[0]", "$.rules[0].layout"]);
  });
});
