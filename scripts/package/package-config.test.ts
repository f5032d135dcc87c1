import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { FuseV1Options } from "@electron/fuses";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const require = createRequire(import.meta.url);
const { fuses, wrongFuses, FuseState } = require("./fuses.cjs") as { fuses: Record<number, boolean>; wrongFuses: (readBack: Record<number, number>) => string[]; FuseState: { ENABLE: number; DISABLE: number } };
const { packedBinary } = require("./after-pack.cjs") as { packedBinary: (context: unknown) => string };
const builder = parse(fs.readFileSync("electron-builder.yml", "utf8")) as Record<string, unknown> & { files: string[]; linux: { target: string[] }; win: { target: string[] }; extraResources: Array<{ from: string; to: string }> };

describe("the packages (electron-builder.yml)", () => {
  it("are an AppImage and a deb for Linux controllers and an NSIS installer for Windows", () => {
    expect(builder.linux.target).toEqual(["AppImage", "deb"]);
    expect(builder.win.target).toEqual(["nsis"]);
  });

  it("hold the service, the renderer, the offline basemap and the default layouts", () => {
    for (const f of ["dist/electron/**", "dist/renderer/**", "dist/basemap/**", "package.json"]) expect(builder.files).toContain(f);
    expect(builder.extraResources).toContainEqual({ from: "layouts", to: "layouts" });
    expect(builder.asar).toBe(true);
    // The app starts from what the build makes.
    const main = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { main: string }).main;
    expect(main.startsWith("dist/electron/")).toBe(true);
  });

  it("set every fuse after packing and read them back, one way (no fuses in the YAML as well)", () => {
    expect(builder.afterPack).toBe("scripts/package/after-pack.cjs");
    expect(builder.electronFuses).toBeUndefined();
    // Every fuse this version of @electron/fuses knows is set, none left to Electron's default.
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === "number");
    expect(Object.keys(fuses).map(Number).sort()).toEqual(known.sort());
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    // The read-back names what a packed binary has wrong.
    const asSet = Object.fromEntries(Object.entries(fuses).map(([i, on]) => [i, on ? FuseState.ENABLE : FuseState.DISABLE]));
    expect(wrongFuses(asSet)).toEqual([]);
    expect(wrongFuses({ ...asSet, [FuseV1Options.RunAsNode]: FuseState.ENABLE })).toEqual(["RunAsNode"]);
    expect(packedBinary({ electronPlatformName: "linux", appOutDir: "/out", packager: { appInfo: { productFilename: "IOC Wall" }, executableName: "ioc-wall" } })).toBe("/out/ioc-wall");
    expect(packedBinary({ electronPlatformName: "win32", appOutDir: "/out", packager: { appInfo: { productFilename: "IOC Wall" } } })).toBe("/out/IOC Wall.exe");
  });

  it("npm run dist says plainly why it cannot pack where Electron's binary is missing", () => {
    let installed = true;
    try {
      installed = fs.existsSync(require("electron") as string);
    } catch {
      installed = false;
    }
    if (installed) return; // Where the binary is, dist packs for real (not in a unit test).
    const run = spawnSync(process.execPath, ["scripts/package/dist.mjs"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Electron's binary is not installed here");
  });
});
