import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The map benchmark's page only (renderer/bench), built beside the app, never shipped with it. */
export default defineConfig({
  root: r("../../renderer/bench"),
  base: "/",
  logLevel: "warn",
  build: { outDir: r("../../dist/bench"), emptyOutDir: true, rollupOptions: { input: { map: r("../../renderer/bench/map-bench.html") } } },
});
