import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** A systemd unit file as sections of key=value lines (a key may repeat). */
function unit(file: string): Record<string, Array<[string, string]>> {
  const sections: Record<string, Array<[string, string]>> = {};
  let current = "";
  for (const raw of fs.readFileSync(`deploy/linux/${file}`, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) sections[(current = section[1]!)] = [];
    else {
      const eq = line.indexOf("=");
      expect(eq, `${file}: "${line}" is not key=value`).toBeGreaterThan(0);
      sections[current]!.push([line.slice(0, eq), line.slice(eq + 1)]);
    }
  }
  return sections;
}
const value = (u: ReturnType<typeof unit>, section: string, key: string) => u[section]?.find(([k]) => k === key)?.[1];

describe("the Linux deployment files", () => {
  it("run the service from the built app, restart it whatever ends it, and keep its state where it may write", () => {
    const service = unit("ioc-wall-service.service");
    expect(value(service, "Service", "ExecStart")).toBe("/usr/bin/node /opt/ioc-wall/dist/electron/service/cli.js");
    // The path inside the app is the one the build makes.
    expect(fs.existsSync("electron/service/cli.ts")).toBe(true);
    expect(value(service, "Service", "Restart")).toBe("always");
    expect(value(service, "Service", "KillSignal")).toBe("SIGTERM");
    expect(service.Service!.filter(([k]) => k === "Environment").map(([, v]) => v)).toContain("WALL_STATE_DIR=/var/lib/ioc-wall");
    expect(value(service, "Service", "ReadWritePaths")).toBe("/var/lib/ioc-wall");
    expect(value(service, "Service", "NoNewPrivileges")).toBe("true");
    expect(value(service, "Install", "WantedBy")).toBe("multi-user.target");
  });

  it("probe the service's health every 30 s and restart it when it does not answer", () => {
    const probe = unit("ioc-wall-health.service");
    expect(value(probe, "Service", "ExecStart")).toContain("/api/health");
    expect(value(probe, "Service", "ExecStart")).toContain("systemctl restart ioc-wall-service.service");
    expect(value(unit("ioc-wall-health.timer"), "Timer", "OnUnitActiveSec")).toBe("30");
  });

  it("keep the controller coming back for as long as the machine runs, with Chromium's sandbox on", () => {
    const controller = unit("ioc-wall.service");
    expect(value(controller, "Service", "Restart")).toBe("always");
    expect(value(controller, "Unit", "StartLimitIntervalSec")).toBe("0");
    expect(value(controller, "Service", "ExecStart")).not.toContain("--no-sandbox");
  });

  it("restart a controller whose main process stopped its heartbeat, where the controller writes it", () => {
    const watchdog = value(unit("ioc-wall-watchdog.service"), "Service", "ExecStart")!;
    // productName (electron-builder.yml) names Electron's user-data folder, where main writes the beat.
    const productName = /^productName: (.+)$/m.exec(fs.readFileSync("electron-builder.yml", "utf8"))![1]!;
    expect(watchdog).toContain(`%h/.config/${productName}/heartbeat`);
    expect(fs.readFileSync("electron/main/main.ts", "utf8")).toContain('startHeartbeat(path.join(app.getPath("userData"), "heartbeat")');
    expect(watchdog).toContain("systemctl --user restart ioc-wall.service");
    // Older than six missed beats (HEARTBEAT_MS 10 s), checked every 30 s.
    expect(watchdog).toContain('[ "$age" -lt 60 ]');
    expect(value(unit("ioc-wall-watchdog.timer"), "Timer", "OnUnitActiveSec")).toBe("30");
  });

  it("the watchdog's command does what it says in a shell: quiet on a fresh beat, a restart on a stale one", () => {
    const command = /^\/bin\/sh -c '(.*)'$/.exec(value(unit("ioc-wall-watchdog.service"), "Service", "ExecStart")!)![1]!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ioc-watchdog-"));
    fs.mkdirSync(path.join(dir, ".config", "IOC Wall"), { recursive: true });
    fs.mkdirSync(path.join(dir, "bin"));
    // systemctl as a recorder: the unit is active, and a restart is written down.
    fs.writeFileSync(path.join(dir, "bin", "systemctl"), `#!/bin/sh\necho "$@" >> "${dir}/calls"\n`, { mode: 0o755 });
    // systemd's specifiers: %h the home folder, %% a percent sign.
    const script = command.replaceAll("%h", dir).replaceAll("%%", "%");
    const run = () => spawnSync("sh", ["-c", script], { env: { PATH: `${path.join(dir, "bin")}:${process.env.PATH}` }, encoding: "utf8" });
    const beat = path.join(dir, ".config", "IOC Wall", "heartbeat");
    fs.writeFileSync(beat, "now");
    run();
    const calls = () => (fs.existsSync(path.join(dir, "calls")) ? fs.readFileSync(path.join(dir, "calls"), "utf8").trim().split("\n") : []);
    expect(calls()).toEqual([]);
    const stale = new Date(Date.now() - 120_000);
    fs.utimesSync(beat, stale, stale);
    expect(run().stdout).toMatch(/silent for 1[12]\d s; restarting it/);
    expect(calls()).toEqual(["--user is-active --quiet ioc-wall.service", "--user restart ioc-wall.service"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("set up a controller with a script bash accepts, that installs each of these units", () => {
    expect(spawnSync("bash", ["-n", "deploy/linux/kiosk-setup.sh"]).status).toBe(0);
    const script = fs.readFileSync("deploy/linux/kiosk-setup.sh", "utf8");
    for (const file of ["ioc-wall-service.service", "ioc-wall-health.service", "ioc-wall-health.timer", "ioc-wall.service", "ioc-wall-watchdog.service", "ioc-wall-watchdog.timer"]) expect(script).toContain(file);
    // No blanking, no power saving, no cursor.
    expect(script).toContain("xset s off -dpms s noblank");
    expect(script).toContain("-nocursor");
  });
});
