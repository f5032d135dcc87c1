import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: r("./renderer"),
  base: "/",
  plugins: [react()],
  build: {
    outDir: r("./dist/renderer"),
    emptyOutDir: true,
    // No inline scripts or data: modules: the CSP allows only our own files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { wall: r("./renderer/wall/index.html"), console: r("./renderer/console/index.html") },
    },
  },
});
