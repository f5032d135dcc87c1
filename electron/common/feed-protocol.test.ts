import { describe, expect, it } from "vitest";
import { feedUpdateSchema, feedValueSchema, MAX_FEED_MESSAGE_BYTES, parseFeedUpdate, subscribeSchema, topicSchema } from "./feed-protocol.js";

const update = (value: unknown, extra: Record<string, unknown> = {}) => ({ topic: "admin.dossiers.ontime_rate", seq: 3, ts: 1_700_000_000_000, value, ...extra });

describe("feed protocol v1 schemas", () => {
  it("accepts each value shape", () => {
    const values = [
      { kind: "number", value: 96.4, unit: "%", target: 95, previous: 96.1 },
      { kind: "series", unit: "hồ sơ", series: [{ name: "Tiếp nhận", points: [[1, 2], [2, 3]] }] },
      { kind: "breakdown", items: [{ key: "skhdt", label: "Sở Kế hoạch và Đầu tư", value: 97.5 }] },
      { kind: "events", items: [{ id: "e1", ts: 1, title: "Rác thải tồn đọng", district: "Kế Sách", status: "received", lat: 9.6, lon: 105.97 }] },
      { kind: "status", items: [{ id: "portal", label: "Cổng thông tin", up: true, since: 5 }] },
    ];
    for (const v of values) expect(feedValueSchema.safeParse(v).success, JSON.stringify(v)).toBe(true);
  });

  it("lets a newer backend add fields, and keeps them out of nothing it needs", () => {
    const parsed = feedUpdateSchema.parse(update({ kind: "number", value: 1, colour: "red" }, { origin: "v2" }));
    expect(parsed.value).toMatchObject({ kind: "number", value: 1 });
  });

  it("refuses unknown kinds, wrong types, non-finite numbers and bad topic names", () => {
    expect(feedValueSchema.safeParse({ kind: "teapot" }).success).toBe(false);
    expect(feedValueSchema.safeParse({ kind: "number", value: "96" }).success).toBe(false);
    expect(feedValueSchema.safeParse({ kind: "number", value: Infinity }).success).toBe(false);
    expect(feedValueSchema.safeParse({ kind: "status", items: [{ id: "a", label: "A", up: "yes" }] }).success).toBe(false);
    expect(feedUpdateSchema.safeParse(update({ kind: "number", value: 1 }, { seq: -1 })).success).toBe(false);
    for (const t of ["Admin.x", "admin", "admin..x", "admin.x y", "admin.x/../y"]) expect(topicSchema.safeParse(t).success, t).toBe(false);
    expect(topicSchema.safeParse("health.beds.occupancy").success).toBe(true);
    expect(subscribeSchema.safeParse({ topics: "admin.x" }).success).toBe(false);
  });

  it("bounds lists so one message cannot grow without limit", () => {
    const items = Array.from({ length: 201 }, (_, i) => ({ id: String(i), ts: i, title: "x" }));
    expect(feedValueSchema.safeParse({ kind: "events", items }).success).toBe(false);
  });

  it("tells too large from malformed", () => {
    expect(parseFeedUpdate(update({ kind: "number", value: 1 }))).toMatchObject({ ok: true });
    expect(parseFeedUpdate("not an update")).toEqual({ ok: false, reason: "malformed" });
    expect(parseFeedUpdate(null)).toEqual({ ok: false, reason: "malformed" });
    const big = update({ kind: "events", items: [{ id: "x", ts: 1, title: "x".repeat(MAX_FEED_MESSAGE_BYTES) }] });
    expect(parseFeedUpdate(big)).toEqual({ ok: false, reason: "too-large" });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(parseFeedUpdate(cyclic)).toEqual({ ok: false, reason: "malformed" });
  });
});
