// `npm start`: the wall in Electron where its binary exists; otherwise the service alone, with
// the display URLs printed for any Chromium (the service prints them).
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { makeDemoStreams } from "./make-demo-streams.mjs";

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require("electron");
    return typeof binary === "string" && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

// Moving pictures for the demo cameras (ffmpeg, once); the wall runs without them, showing their slates.
try {
  makeDemoStreams();
} catch (e) {
  console.warn(`demo camera streams not made: ${e.message}`);
}

const binary = electronBinary();
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, [".", ...args], { stdio: "inherit" })
  : (console.log("Electron's binary is not installed here: starting the wall service alone; open the display URLs below in Chromium."),
    spawn(process.execPath, ["dist/electron/service/cli.js"], { stdio: "inherit" }));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
