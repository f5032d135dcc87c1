import { describe, expect, it } from "vitest";
import { CredentialRefused, fetchPrimaryTopology } from "./primary-topology.js";

const topology = {
  columns: 2,
  rows: 1,
  display: { width: 1920, height: 1080 },
  bezel: { x: 0, y: 0 },
  displays: [
    { id: "D1", col: 0, row: 0 },
    { id: "D2", col: 1, row: 0 },
  ],
  canvas: { width: 3840, height: 1080 },
  webglPerDisplay: 4,
};

/** A fetch that records what it was asked and answers with the given status and body. */
function fakeFetch(status: number, body: unknown = {}) {
  const asked: Array<{ url: string; headers: Record<string, string> }> = [];
  const fn = (async (url: string, init?: RequestInit) => {
    asked.push({ url, headers: { ...(init?.headers as Record<string, string> | undefined) } });
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  }) as typeof fetch;
  return { fn, asked };
}

describe("the primary's topology", () => {
  it("is read from /api/wall with the display token as a bearer credential", async () => {
    const f = fakeFetch(200, { topology, errors: [] });
    expect(await fetchPrimaryTopology("https://wall-1.example", "display-token-0123456789", f.fn)).toEqual(topology);
    expect(f.asked).toEqual([{ url: "https://wall-1.example/api/wall", headers: { Authorization: "Bearer display-token-0123456789" } }]);
  });

  it("sends no Authorization header without a token", async () => {
    const f = fakeFetch(200, { topology });
    await fetchPrimaryTopology("http://127.0.0.1:8080", undefined, f.fn);
    expect(f.asked[0]!.headers).toEqual({});
  });

  it("says on a 401 that WALL_DISPLAY_TOKEN is missing", async () => {
    await expect(fetchPrimaryTopology("https://wall-1.example", undefined, fakeFetch(401).fn)).rejects.toThrow(
      "https://wall-1.example/api/wall wants a credential (401) and WALL_DISPLAY_TOKEN is not set",
    );
  });

  it("says on a 401 that the token was refused, without spelling it", async () => {
    const error = await fetchPrimaryTopology("https://wall-1.example", "display-token-0123456789", fakeFetch(401).fn).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/refused the display token \(401\)/);
    expect((error as Error).message).not.toContain("display-token-0123456789");
    // Its own kind: a follower does not try its other primaries past it.
    expect(error).toBeInstanceOf(CredentialRefused);
  });

  it("fails on other statuses and on an answer that is not a topology", async () => {
    const unavailable = await fetchPrimaryTopology("https://wall-1.example", undefined, fakeFetch(503).fn).catch((e: Error) => e);
    expect((unavailable as Error).message).toBe("https://wall-1.example/api/wall answered 503");
    expect(unavailable).not.toBeInstanceOf(CredentialRefused);
    await expect(fetchPrimaryTopology("https://wall-1.example", undefined, fakeFetch(200, { topology: { columns: "two" } }).fn)).rejects.toThrow();
  });
});
