import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { FeedUpdate } from "../../common/feed-protocol.js";
import { checkSources } from "../../common/sources-file.js";
import { silentLogger } from "../log.js";
import { FeedHub } from "./feed-hub.js";
import { HttpJsonSource, mapTopic } from "./http-json-source.js";

let server: http.Server | undefined;
afterEach(() => server?.close());

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function config(url: string, topics: unknown[]) {
  const r = checkSources("sources.json", { sources: [{ id: "s1", url, intervalSeconds: 60, timeoutSeconds: 1, topics }] });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.sources[0]!;
}

const doc = {
  stats: { received: "1284", plan: 1500 },
  departments: [
    { code: "skhdt", name: "Sở Kế hoạch và Đầu tư", rate: 97.5 },
    { code: "stnmt", name: "Sở Tài nguyên và Môi trường", rate: 91 },
  ],
  systems: [{ id: "dvc", name: "Dịch vụ công", state: "up" }, { id: "mail", name: "Thư điện tử", state: "down" }],
};

describe("mapTopic", () => {
  it("maps numbers, breakdowns and statuses by JSON pointer and field names", () => {
    const c = config("http://x", [
      { topic: "admin.received", kind: "number", pointer: "/stats/received", unit: "hồ sơ", targetPointer: "/stats/plan" },
      { topic: "admin.by_department", kind: "breakdown", pointer: "/departments", keyField: "code", labelField: "name", valueField: "rate", unit: "%" },
      { topic: "portal.systems", kind: "status", pointer: "/systems", labelField: "name", upField: "state" },
    ]);
    expect(mapTopic(doc, c.topics[0]!)).toEqual({ kind: "number", value: 1284, unit: "hồ sơ", target: 1500 });
    expect(mapTopic(doc, c.topics[1]!)).toMatchObject({ kind: "breakdown", items: [{ key: "skhdt", label: "Sở Kế hoạch và Đầu tư", value: 97.5 }, { key: "stnmt" }] });
    expect(mapTopic(doc, c.topics[2]!)).toMatchObject({ kind: "status", items: [{ id: "dvc", up: true }, { id: "mail", up: false }] });
  });

  it("says what is missing or wrong", () => {
    const c = config("http://x", [{ topic: "a.b", kind: "number", pointer: "/stats/nothing" }]);
    expect(() => mapTopic(doc, c.topics[0]!)).toThrow('a.b: nothing at JSON pointer "/stats/nothing"');
    const d = config("http://x", [{ topic: "a.b", kind: "number", pointer: "/departments" }]);
    expect(() => mapTopic(doc, d.topics[0]!)).toThrow(/expected a number/);
  });
});

describe("HttpJsonSource with a local HTTP server", () => {
  it("publishes its topics, and marks them stale when the server fails, keeping the last value", async () => {
    let status = 200;
    const url = await serve((_req, res) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(doc));
    });
    const hub = new FeedHub();
    const updates: FeedUpdate[] = [];
    hub.on("update", (u) => updates.push(u));
    const source = new HttpJsonSource(config(`${url}/stats`, [{ topic: "admin.received", kind: "number", pointer: "/stats/received" }]), hub, silentLogger);
    await source.poll();
    expect(source.health).toMatchObject({ id: "s1", ok: true });
    expect(updates.at(-1)).toMatchObject({ topic: "admin.received", seq: 1, value: { value: 1284 } });
    status = 500;
    await source.poll();
    expect(source.health).toMatchObject({ ok: false, lastError: "HTTP 500" });
    expect(updates.at(-1)).toMatchObject({ topic: "admin.received", seq: 2, stale: true, value: { value: 1284 } });
    status = 200;
    await source.poll();
    expect(updates.at(-1)!.stale).toBeUndefined();
    source.stop();
  });

  it("gives up on a server that does not answer within the timeout", async () => {
    const url = await serve(() => undefined);
    const hub = new FeedHub();
    const source = new HttpJsonSource(config(url, [{ topic: "a.b", kind: "number", pointer: "/x" }]), hub, silentLogger);
    await source.poll();
    expect(source.health).toMatchObject({ ok: false, lastError: "timed out after 1 s" });
    source.stop();
  });

  it("refuses a sources file with a bad URL, topic or duplicate id, naming the path", () => {
    expect(checkSources("sources.json", { sources: [{ id: "a", url: "ftp://x", topics: [{ topic: "a.b", kind: "number", pointer: "/x" }] }] })).toMatchObject({ ok: false, errors: [{ path: "$.sources[0].url" }] });
    expect(checkSources("sources.json", { sources: [{ id: "a", url: "http://x", topics: [{ topic: "Bad", kind: "number", pointer: "/x" }] }] })).toMatchObject({ ok: false, errors: [{ path: "$.sources[0].topics[0].topic" }] });
    const dup = { id: "a", url: "http://x", topics: [{ topic: "a.b", kind: "number", pointer: "/x" }] };
    expect(checkSources("sources.json", { sources: [dup, dup] })).toMatchObject({ ok: false, errors: [{ path: "$.sources[1].id" }] });
  });
});
