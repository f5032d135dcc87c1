import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";

/** The real wall service as a separate process (`node dist/electron/service/cli.js`), on its own copy of the layouts. */
export class WallProcess {
  url = "";
  private child: ChildProcess | undefined;
  output = "";
  /** More environment for the service (TLS, a display credential), set before start(). */
  env: Record<string, string> = {};

  private constructor(
    readonly root: string,
    readonly layoutsDir: string,
  ) {}

  static async create(): Promise<WallProcess> {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-wall-e2e-"));
    const layoutsDir = path.join(root, "layouts");
    // Without the shipped schedule, the wall stays where a test puts it; a test may write its own.
    await fs.cp(path.resolve("layouts"), layoutsDir, { recursive: true, filter: (src) => !["schedules.json", "alarms.json"].includes(path.basename(src)) });
    return new WallProcess(root, layoutsDir);
  }

  /** Starts the service; on a restart it takes the same port so that displays find it again. */
  async start(): Promise<void> {
    const port = this.url ? new URL(this.url).port : "0";
    const child = spawn(process.execPath, ["dist/electron/service/cli.js"], {
      env: { ...process.env, PORT: port, HOST: "127.0.0.1", WALL_LAYOUTS_DIR: this.layoutsDir, WALL_STATE_DIR: path.join(this.root, "state"), WALL_ADMIN_TOKEN: ADMIN_TOKEN, WALL_SIM_SEED: "7", WALL_SIM_RATE: "100", ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`service did not start:\n${this.output}`)), 15_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const m = /listening on (https?:\/\/\S+)/.exec(this.output.slice(-4000));
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (c: Buffer) => (this.output += c.toString()));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`service exited with ${code}:\n${this.output}`));
      });
    });
  }

  /** SIGTERM: the service saves its state and closes; SIGKILL: none of that, as a crash or the OOM killer. */
  async stop(signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
    this.child = undefined;
  }

  /** Where the service keeps its state (state.json, tokens, audit). */
  get stateDir(): string {
    return path.join(this.root, "state");
  }

  async dispose(): Promise<void> {
    await this.stop();
    await fs.rm(this.root, { recursive: true, force: true });
  }

  /** Switches the wall to a layout (as an operator would) and checks that it took. */
  async show(layoutId: string): Promise<void> {
    const res = await this.api("POST", "/api/state/layout", { layoutId });
    if (res.status !== 200) throw new Error(`switch to ${layoutId}: ${res.status}`);
  }

  /** Adds (or replaces) a layout file in this wall's private layouts folder and waits until it is valid. */
  async addLayout(layout: { id: string } & Record<string, unknown>): Promise<void> {
    await fs.writeFile(this.layoutFile(layout.id), JSON.stringify(layout, null, 2));
    const until = Date.now() + 10_000;
    for (;;) {
      const res = await this.api<{ layouts: Array<{ id: string; inUse: boolean; errors: unknown[] }> }>("GET", "/api/layouts");
      const l = res.body.layouts.find((x) => x.id === layout.id);
      if (l?.inUse && l.errors.length === 0) return;
      if (l && l.errors.length > 0) throw new Error(`layout ${layout.id} refused: ${JSON.stringify(l.errors)}`);
      if (Date.now() > until) throw new Error(`layout ${layout.id} never loaded`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Replaces wall.json in this wall's layouts folder and waits until the service uses it. */
  async setTopology(wall: { columns: number; rows: number } & Record<string, unknown>): Promise<void> {
    await fs.writeFile(path.join(this.layoutsDir, "wall.json"), JSON.stringify(wall, null, 2));
    const until = Date.now() + 10_000;
    for (;;) {
      const res = await this.api<{ topology: { columns: number; rows: number; bezel: { x: number } } }>("GET", "/api/wall");
      const t = res.body.topology;
      if (t.columns === wall.columns && t.rows === wall.rows && JSON.stringify(t.bezel) === JSON.stringify(wall.bezel ?? t.bezel)) return;
      if (Date.now() > until) throw new Error("wall.json never took");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  layoutFile(id: string): string {
    return path.join(this.layoutsDir, `${id}.layout.json`);
  }

  async api<T = unknown>(method: "GET" | "POST", pathname: string, body?: unknown, token: string | null = ADMIN_TOKEN): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${pathname}`, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
}
