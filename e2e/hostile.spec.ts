import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "../playwright.config.js";
import { expect, test } from "./fixtures.js";
import { ADMIN_TOKEN, WallProcess } from "./wall-process.js";

/** The wall as a hostile or careless user tries it: bad files, foreign pages and names, TLS, pairing. */

const root = (id: string) => `[data-display-id="${id}"]`;

test("a camera catalog with an unparseable URL: every page is served, the file error names the entry", async ({ wall, openDisplay, page }) => {
  const file = path.join(wall.layoutsDir, "cameras.json");
  const catalog = JSON.parse(await fs.readFile(file, "utf8"));
  catalog.cameras[0].streams[0].url = "http://vms.local:99999/live.m3u8";
  await fs.writeFile(file, JSON.stringify(catalog));
  await expect
    .poll(async () => (await wall.api<{ cameras: { errors: Array<{ path: string }> } }>("GET", "/api/layouts")).body.cameras.errors.map((e) => e.path))
    .toEqual(["$.cameras[0].streams[0].url"]);
  // The service restarts with the broken file on disk: still every page, the cameras on their last good catalog.
  await wall.stop();
  await wall.start();
  await wall.show("camera-wall");
  const d1 = await openDisplay("D1");
  await expect(d1.locator(root("D1"))).toHaveAttribute("data-layout-id", "camera-wall");
  // The camera whose entry broke plays from the last good catalog.
  await expect(d1.locator('[data-camera-id="cam-01"][data-camera-status="ready"]')).toHaveCount(1, { timeout: 30_000 });
  const res = await page.goto(`${wall.url}/console`);
  expect(res!.status()).toBe(200);
  expect((await wall.api("GET", "/api/state")).status).toBe(200);
});

test("a page of another origin can open no socket and read nothing; the wall's own page can", async ({ wall, openDisplay, context }) => {
  // Another origin on the same machine: a small server on another port.
  const other = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>elsewhere</title>"));
  await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
  const otherUrl = `http://127.0.0.1:${(other.address() as { port: number }).port}/`;
  try {
    const probe = (target: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${target.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`);
        ws.onopen = () => resolve("open");
        ws.onerror = () => resolve("refused");
      });
    const foreign = await context.newPage();
    await foreign.goto(otherUrl);
    expect(await foreign.evaluate(probe, wall.url)).toBe("refused");
    const read = await foreign.evaluate((target) => fetch(`${target}/api/health`).then((r) => `read ${r.status}`, () => "blocked"), wall.url);
    expect(read).toBe("blocked");
    const own = await openDisplay("D1");
    expect(await own.evaluate(probe, wall.url)).toBe("open");
    const health = (await wall.api<{ counters: { refused: { origin: number } } }>("GET", "/api/health")).body;
    expect(health.counters.refused.origin).toBeGreaterThanOrEqual(2);
  } finally {
    other.close();
  }
});

test("a foreign host name that resolves to the wall (DNS rebinding) gets a 421, not the wall", async ({ wall }) => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, "--host-resolver-rules=MAP attacker.example 127.0.0.1"] });
  try {
    const page = await browser.newPage();
    const port = new URL(wall.url).port;
    const res = await page.goto(`http://attacker.example:${port}/wall/D1`);
    expect(res!.status()).toBe(421);
    await expect(page.locator("body")).toContainText("WALL_ALLOWED_HOSTS");
    expect(await page.evaluate(() => fetch("/api/health").then((r) => r.status))).toBe(421);
  } finally {
    await browser.close();
  }
});

test("a display without its credential says why, retries by itself, and is admitted once the credential matches", async ({ page }) => {
  const wall = await WallProcess.create();
  wall.env = { WALL_DISPLAY_TOKEN: "display-credential-old-0123456789" };
  await wall.start();
  try {
    await page.goto(`${wall.url}/wall/D1#token=display-credential-new-0123456789`);
    // The credential leaves the address bar at once.
    expect(page.url()).toBe(`${wall.url}/wall/D1`);
    const slate = page.locator(root("D1"));
    await expect(slate).toHaveAttribute("data-refusal", "unauthorized");
    await expect(slate).toContainText("Màn hình chưa được cấp quyền");
    await expect(slate).toContainText("Thử lại lúc");
    // The integrator puts the new credential in place: the display comes in without a visit.
    await wall.stop();
    wall.env = { WALL_DISPLAY_TOKEN: "display-credential-new-0123456789" };
    await wall.start();
    await expect(page.locator(`${root("D1")}[data-layout-id="overview"]`)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('[data-tile-id="kpi-health"]')).toHaveAttribute("data-status", "ready");
    expect(page.url()).not.toContain("token");
  } finally {
    await wall.dispose();
  }
});

test("over TLS: the display page over HTTPS, its state over WSS, nothing in clear on the port", async ({ browser }) => {
  const wall = await WallProcess.create();
  const certFile = path.join(wall.root, "cert.pem");
  const keyFile = path.join(wall.root, "key.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], { stdio: "ignore" });
  wall.env = { WALL_TLS_CERT: certFile, WALL_TLS_KEY: keyFile };
  await wall.start();
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 960, height: 540 } });
  try {
    expect(wall.url).toMatch(/^https:/);
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(ws.url()));
    await page.goto(`${wall.url}/wall/D1`);
    await expect(page.locator(`${root("D1")}[data-connection="online"][data-layout-id="overview"]`)).toBeVisible();
    await expect(page.locator('[data-tile-id="kpi-health"]')).toHaveAttribute("data-status", "ready");
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.every((u) => u.startsWith("wss://"))).toBe(true);
    // A switch through the HTTPS API reaches the page.
    const ca = await fs.readFile(certFile, "utf8");
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(`${wall.url}/api/state/layout`, { method: "POST", ca, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      req.end(JSON.stringify({ layoutId: "briefing" }));
    });
    expect(status).toBe(200);
    await expect(page.locator(root("D1"))).toHaveAttribute("data-layout-id", "briefing");
    const clear = await context.newPage();
    const answer = await clear.goto(wall.url.replace("https:", "http:") + "/wall/D1").then(
      (r) => r?.status(),
      () => "no cleartext",
    );
    expect(answer).not.toBe(200);
  } finally {
    await context.close();
    await wall.dispose();
  }
});
