import { execFileSync } from "node:child_process";

/** The demo cameras' streams (ffmpeg, once; `npm test` has made them already). */
export default function globalSetup(): void {
  execFileSync(process.execPath, ["scripts/make-demo-streams.mjs"], { stdio: "inherit" });
}
