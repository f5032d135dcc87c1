// `npm run dist`: the packages (electron-builder.yml), or a plain word on why they cannot be made here.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";

const require = createRequire(import.meta.url);
let binary;
try {
  binary = require("electron");
} catch {
  binary = undefined;
}
if (typeof binary !== "string" || !fs.existsSync(binary)) {
  console.error(
    "npm run dist: Electron's binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, " +
      "or its download failed), and electron-builder packs that binary. On a machine that can download it: " +
      "npm install electron (without ELECTRON_SKIP_BINARY_DOWNLOAD), then npm run dist.",
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, [require.resolve("electron-builder/cli.js"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
