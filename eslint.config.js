import js from "@eslint/js";
import globals from "globals";
import { fileURLToPath } from "node:url";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { folderBoundaries } from "./scripts/lint/folder-boundaries.js";

const root = fileURLToPath(new URL(".", import.meta.url));
const noElectron = {
  "no-restricted-imports": ["error", { paths: [{ name: "electron", message: "electron is imported only in electron/main and electron/preload" }] }],
};
const boundaries = (...allow) => ({ "local/folder-boundaries": ["error", { root, allow }] });

export default tseslint.config(
  { ignores: ["dist/**", "release/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench-results/**", ".demo-streams/**", ".wall-state/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { "folder-boundaries": folderBoundaries } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...noElectron,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["electron/common/**"], rules: boundaries("electron/common") },
  { files: ["electron/service/**"], rules: boundaries("electron/common", "electron/service") },
  { files: ["electron/main/**"], rules: { ...boundaries("electron/common", "electron/service", "electron/main"), "no-restricted-imports": "off" } },
  { files: ["electron/preload/**"], rules: { ...boundaries("electron/common", "electron/preload"), "no-restricted-imports": "off" } },
  {
    files: ["renderer/**"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...boundaries("renderer", "electron/common"),
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "electron", message: "the renderer never imports electron; use the preload bridge" }],
          patterns: [{ group: ["node:*"], message: "the renderer runs without node" }],
        },
      ],
    },
  },
  // Scripts drive Chromium: parts of them run in the page.
  { files: ["scripts/**"], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // electron-builder loads its hooks with require(): they are CommonJS.
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" }, rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Playwright fixtures take their dependencies as a destructured (possibly empty) object.
  { files: ["e2e/**"], rules: { "no-empty-pattern": "off" } },
);
