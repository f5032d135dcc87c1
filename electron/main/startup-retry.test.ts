import { describe, expect, it } from "vitest";
import { silentLogger } from "../service/log.js";
import { StartupRetry } from "./startup-retry.js";

/** A start that fails until told otherwise, on a fake clock and a fake file watcher. */
function rig() {
  let now = 0;
  let timers: Array<{ fn: () => void; at: number; live: boolean }> = [];
  let changed: (() => void) | undefined;
  const seen: string[] = [];
  let broken: string | undefined = "wall.json: /displays/0/col: expected a number";
  const retry = new StartupRetry(
    async () => {
      seen.push(`start at ${now}`);
      if (broken) throw new Error(broken);
    },
    {
      log: silentLogger,
      showSlate: (m) => seen.push(`slate: ${m.split(". ")[0]}`),
      hideSlate: () => seen.push("slate down"),
      watch: (onChange) => {
        changed = onChange;
        seen.push("watching");
        return () => {
          changed = undefined;
          seen.push("stopped watching");
        };
      },
      schedule: (fn, ms) => {
        const t = { fn, at: now + ms, live: true };
        timers.push(t);
        return () => void (t.live = false);
      },
      backoffMs: [5_000, 20_000],
    },
  );
  const advance = async (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.live && t.at <= now);
    timers = timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { retry, seen, advance, fileChanged: () => changed?.(), fix: () => (broken = undefined), pending: () => timers.filter((t) => t.live).map((t) => t.at - now) };
}

describe("a controller that could not start", () => {
  it("says why on its outputs and tries again after 5, 10, 20, 20 s", async () => {
    const r = rig();
    await r.retry.attempt();
    expect(r.seen).toEqual(["start at 0", "slate: IOC Wall không khởi động được: wall.json: /displays/0/col: expected a number", "watching"]);
    expect(r.pending()).toEqual([5_000]);
    await r.advance(5_000);
    expect(r.pending()).toEqual([10_000]);
    await r.advance(10_000);
    await r.advance(20_000);
    expect(r.pending()).toEqual([20_000]);
    expect(r.seen.filter((s) => s.startsWith("start"))).toEqual(["start at 0", "start at 5000", "start at 15000", "start at 35000"]);
  });

  it("tries again half a second after its files change, and once up takes the slate down and stops watching", async () => {
    const r = rig();
    await r.retry.attempt();
    r.fix();
    r.fileChanged();
    r.fileChanged();
    await r.advance(500);
    // Two change events, one try.
    expect(r.seen.slice(3)).toEqual(["start at 500", "stopped watching", "slate down"]);
    // Up: no more tries.
    expect(r.pending()).toEqual([]);
  });

  it("shows nothing when the first start succeeds", async () => {
    const r = rig();
    r.fix();
    await r.retry.attempt();
    expect(r.seen).toEqual(["start at 0"]);
  });
});
