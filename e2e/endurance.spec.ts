import { expect, test, waitForLayout } from "./fixtures.js";

test("120 layout switches leave no DOM nodes, listeners or heap behind", async ({ wall, openDisplay }) => {
  // Every third switch mounts the situation map, which waits for its basemap: about 2 s in SwiftShader.
  test.setTimeout(420_000);
  const page = await openDisplay("D2");
  const cdp = await page.context().newCDPSession(page);
  const layouts = ["briefing", "situation", "overview"];
  const sample = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const counters = await cdp.send("Memory.getDOMCounters");
    const heap = await cdp.send("Runtime.getHeapUsage");
    return { nodes: counters.nodes, listeners: counters.jsEventListeners, heap: heap.usedSize };
  };
  // A live wall never stands still: a chart redrawing or a stream reconnecting holds a few
  // listeners for a moment (182 to 185 between rounds in a 300-switch run). The least of three
  // samples, a round of the three layouts apart, is what the wall keeps; a leak raises it too.
  const measure = async (from: number) => {
    const samples = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < layouts.length; i++) await cycle(from + round * layouts.length + i);
      samples.push(await sample());
    }
    return {
      nodes: Math.min(...samples.map((s) => s.nodes)),
      listeners: Math.min(...samples.map((s) => s.listeners)),
      heap: Math.min(...samples.map((s) => s.heap)),
    };
  };
  const cycle = async (i: number) => {
    const layoutId = layouts[i % layouts.length]!;
    expect((await wall.api("POST", "/api/state/layout", { layoutId })).status).toBe(200);
    await waitForLayout(page, layoutId);
    await expect(page.locator('[data-status="loading"]')).toHaveCount(0);
  };
  // Warm up: every widget kind loaded, every layout seen, the map's shader and glyph caches filled
  // (its heap settles after a few mounts; see the README, Maps).
  for (let i = 0; i < 24; i++) await cycle(i);
  const before = await measure(0);
  for (let i = 0; i < 120; i++) await cycle(i);
  const after = await measure(0);
  // Same layout shown at every sample: each follows a whole round of the three.
  expect(after.nodes).toBeLessThanOrEqual(before.nodes + 50);
  expect(after.listeners).toBeLessThanOrEqual(before.listeners + 5);
  expect(after.heap - before.heap).toBeLessThan(2 * 1024 * 1024);
});
