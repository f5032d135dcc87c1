import { spawnSync } from "node:child_process";
import fs from "node:fs";
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

  it("set up a controller with a script bash accepts, that installs each of these units", () => {
    expect(spawnSync("bash", ["-n", "deploy/linux/kiosk-setup.sh"]).status).toBe(0);
    const script = fs.readFileSync("deploy/linux/kiosk-setup.sh", "utf8");
    for (const file of ["ioc-wall-service.service", "ioc-wall-health.service", "ioc-wall-health.timer", "ioc-wall.service"]) expect(script).toContain(file);
    // No blanking, no power saving, no cursor.
    expect(script).toContain("xset s off -dpms s noblank");
    expect(script).toContain("-nocursor");
  });
});
