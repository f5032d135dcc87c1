// The real wall service as a child process on an ephemeral port, for benchmarks.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const BENCH_TOKEN = "bench-admin-token-0123456789abcdef";

/**
 * `layouts`: extra layout objects written beside a copy of the shipped ones; `files`: other files of
 * that folder (cameras.json), by name; `cli`: another build's service (a baseline's), this one's by default.
 */
export async function startService(env = {}, layouts = [], files = {}, cli = "dist/electron/service/cli.js") {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-wall-bench-"));
  const layoutsDir = path.join(root, "layouts");
  // Without the shipped schedule: a benchmark decides what the wall shows.
  await fs.cp("layouts", layoutsDir, { recursive: true, filter: (src) => !["schedules.json", "alarms.json"].includes(path.basename(src)) });
  for (const l of layouts) await fs.writeFile(path.join(layoutsDir, `${l.id}.layout.json`), JSON.stringify(l));
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(layoutsDir, name), JSON.stringify(content));
  const child = spawn(process.execPath, [cli], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", WALL_STATE_DIR: path.join(root, "state"), WALL_LAYOUTS_DIR: layoutsDir, WALL_ADMIN_TOKEN: BENCH_TOKEN, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const url = await new Promise((resolve, reject) => {
    child.stdout.on("data", (c) => {
      out += c;
      const m = /listening on (https?:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`service exited with ${code}`)));
  });
  return {
    url,
    layoutsDir,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** A console page at 1920×1080, signed in with the bench's admin token. */
export async function openConsole(browser, service) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${service.url}/console`);
  await page.getByText("Đăng nhập bằng mã truy cập").click();
  await page.locator("input[name=token]").fill(BENCH_TOKEN);
  await page.getByRole("button", { name: "Dùng mã" }).click();
  return page;
}
