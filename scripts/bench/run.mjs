// `npm run bench`: prints figures and ratios; never passes or fails on time.
import fs from "node:fs/promises";
import os from "node:os";
import { benchAccess } from "./access.mjs";
import { benchCameras } from "./cameras.mjs";
import { benchConsole } from "./console.mjs";
import { benchFeedLoad } from "./feed-load.mjs";
import { benchInstances } from "./instances.mjs";
import { benchLayoutSwitch } from "./layout-switch.mjs";
import { benchMap } from "./map.mjs";
import { benchSoak } from "./soak.mjs";
import { benchSwapSkew } from "./swap-skew.mjs";

const benches = { "layout-switch": benchLayoutSwitch, "feed-load": benchFeedLoad, cameras: benchCameras, map: benchMap, access: benchAccess, console: benchConsole, soak: benchSoak, "swap-skew": benchSwapSkew, instances: benchInstances };
// `npm run bench -- map` runs only the named benchmarks.
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(benches);
const results = [];
const fmt = (n) => (typeof n !== "number" ? n : Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1));

/** Rows of figures (an hourly series) as an aligned table. */
function printTable(title, rows) {
  const columns = Object.keys(rows[0] ?? {});
  const cells = [columns, ...rows.map((r) => columns.map((c) => fmt(r[c])))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => String(row[i]).length)));
  console.log(`  ${title}`);
  for (const row of cells) console.log(`    ${row.map((c, i) => String(c).padStart(widths[i])).join("  ")}`);
}

console.log(`IOC Wall benchmarks — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
for (const bench of chosen.map((name) => benches[name] ?? (() => Promise.reject(new Error(`no benchmark "${name}" (${Object.keys(benches).join(", ")})`))))) {
  for (const r of [await bench()].flat()) {
    results.push(r);
    console.log(`\n${r.name}`);
    for (const [k, v] of Object.entries(r)) {
      if (k === "name") continue;
      if (Array.isArray(v)) printTable(k, v);
      else console.log(`  ${k.padEnd(28)} ${fmt(v)}`);
    }
  }
}
await fs.mkdir("bench-results", { recursive: true });
await fs.writeFile(`bench-results/${new Date().toISOString().replace(/[:.]/g, "-")}.json`, JSON.stringify(results, null, 2));
