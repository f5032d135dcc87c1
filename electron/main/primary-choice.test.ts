import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkTopology } from "../common/topology.js";
import { PrimaryChoice } from "./primary-choice.js";

const checked = checkTopology("wall.json", { columns: 2, rows: 1, display: { width: 1920, height: 1080 } });
if (!checked.ok) throw new Error("the test's wall is wrong");
const topology = checked.value;
const TOKEN = "display-token-0123456789";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/**
 * A real service on 127.0.0.1 that answers as `mode.now` says, which a test may change: 200 with the
 * topology, another status, "hang" (never answers) or "drop" (closes the connection). Counts what it was asked.
 */
async function primary(status: number | "hang" | "drop") {
  const seen = { asked: 0, authorization: [] as Array<string | undefined> };
  const mode = { now: status };
  const server = http.createServer((req, res) => {
    seen.asked += 1;
    seen.authorization.push(req.headers.authorization);
    if (mode.now === "drop") return void req.socket.destroy();
    if (mode.now === "hang") return;
    res.writeHead(mode.now, { "Content-Type": "application/json" });
    res.end(JSON.stringify(mode.now === 200 ? { topology, errors: [] } : { error: "no" }));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, mode };
}

/** An origin nobody listens on (a port just freed): connections are refused. */
async function dead(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}`;
}

/** The changes of current primary a choice announces, as "previous -> current". */
function changesOf(choice: PrimaryChoice): string[] {
  const changes: string[] = [];
  choice.onChange((current, previous) => changes.push(`${previous} -> ${current}`));
  return changes;
}

describe("the choice of primary", () => {
  it("keeps asking the first while it answers, with the display token", async () => {
    const a = await primary(200);
    const b = await primary(200);
    const choice = new PrimaryChoice([a.origin, b.origin], TOKEN);
    const changes = changesOf(choice);
    expect(await choice.topology()).toEqual(topology);
    expect(await choice.topology()).toEqual(topology);
    expect([a.seen.asked, b.seen.asked, choice.current, changes]).toEqual([2, 0, a.origin, []]);
    expect(a.seen.authorization).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it("moves to the next when the current one is dead, and stays there", async () => {
    const a = await dead();
    const b = await primary(200);
    const choice = new PrimaryChoice([a, b.origin], TOKEN);
    const changes = changesOf(choice);
    expect(await choice.topology()).toEqual(topology);
    expect(choice.current).toBe(b.origin);
    expect(changes).toEqual([`${a} -> ${b.origin}`]);
    await choice.topology();
    expect([b.seen.asked, changes.length]).toEqual([2, 1]);
  });

  it("goes round the list from the current one, past a 5xx, until one answers", async () => {
    const a = await primary(200);
    const b = await primary(200);
    const c = await primary(503);
    const choice = new PrimaryChoice([a.origin, b.origin, c.origin], undefined);
    const changes = changesOf(choice);
    a.mode.now = "drop";
    await choice.topology();
    expect(choice.current).toBe(b.origin);
    // b drops too and c answers 503: the list wraps round to a, back again.
    a.mode.now = 200;
    b.mode.now = "drop";
    expect(await choice.topology()).toEqual(topology);
    expect([choice.current, c.seen.asked]).toEqual([a.origin, 1]);
    expect(changes).toEqual([`${a.origin} -> ${b.origin}`, `${b.origin} -> ${a.origin}`]);
  });

  it("passes over a primary that does not answer in time", async () => {
    const a = await primary("hang");
    const b = await primary(200);
    const choice = new PrimaryChoice([a.origin, b.origin], TOKEN, { timeoutMs: 200 });
    expect(await choice.topology()).toEqual(topology);
    expect([a.seen.asked, choice.current]).toEqual([1, b.origin]);
  });

  it("reports a 401 with the clear message at once, without trying the others", async () => {
    const a = await primary(401);
    const b = await primary(200);
    const choice = new PrimaryChoice([a.origin, b.origin], TOKEN);
    await expect(choice.topology()).rejects.toThrow(`${a.origin}/api/wall refused the display token (401): WALL_DISPLAY_TOKEN must be the primary's display token`);
    const unset = new PrimaryChoice([a.origin, b.origin], undefined);
    await expect(unset.topology()).rejects.toThrow("wants a credential (401) and WALL_DISPLAY_TOKEN is not set");
    expect([b.seen.asked, choice.current]).toEqual([0, a.origin]);
  });

  it("lists every primary and what each said when none answers, keeping the current one", async () => {
    const a = await dead();
    const b = await primary(500);
    const choice = new PrimaryChoice([a, b.origin], TOKEN);
    const error = (await choice.topology().catch((e: Error) => e)) as Error;
    expect(error.message).toBe(`no primary answers: ${a}: fetch failed (ECONNREFUSED); ${b.origin}: ${b.origin}/api/wall answered 500`);
    expect(error.message).not.toContain(TOKEN);
    expect(choice.current).toBe(a);
  });

  it("shares one round among asks made while it is under way", async () => {
    const a = await dead();
    const b = await primary(200);
    const choice = new PrimaryChoice([a, b.origin], TOKEN);
    const changes = changesOf(choice);
    await Promise.all([choice.topology(), choice.topology(), choice.topology()]);
    expect([b.seen.asked, changes.length]).toEqual([1, 1]);
  });

  it("needs at least one primary", () => {
    expect(() => new PrimaryChoice([], undefined)).toThrow("a follower needs at least one primary");
  });
});
