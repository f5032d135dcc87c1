// What Chromium's processes cost: their CPU time (the browser's own SystemInfo.getProcessInfo) and
// their proportional memory (PSS from /proc, so pages sharing a library are not counted twice).
import fs from "node:fs";

/** A process's proportional set size in MiB (its resident size where smaps_rollup is missing); 0 once it is gone. */
export function memoryMiB(pid) {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (pss) return Number(pss[1]) / 1024;
  } catch {
    // no smaps_rollup: the resident size below
  }
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Every process of a Playwright-launched Chromium: `{type, pid, cpuSeconds, memoryMiB}` (type: browser, renderer, GPU, …). */
export async function chromiumProcesses(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
    return processInfo.map((p) => ({ type: p.type, pid: p.id, cpuSeconds: p.cpuTime, memoryMiB: memoryMiB(p.id) }));
  } finally {
    await cdp.detach();
  }
}

/** Totals of those processes: all, and by type. */
export function totals(processes) {
  const sum = (ps, k) => ps.reduce((n, p) => n + p[k], 0);
  const renderers = processes.filter((p) => p.type === "renderer");
  return { cpuSeconds: sum(processes, "cpuSeconds"), memoryMiB: sum(processes, "memoryMiB"), rendererMiB: sum(renderers, "memoryMiB"), renderers: renderers.length };
}
