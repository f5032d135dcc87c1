import path from "node:path";

/**
 * ESLint rule: a relative import must stay inside the folders the current folder may use
 * (DESIGN.md, "Folders"). Options: { root, allow: ["renderer", "electron/common"] }.
 */
export const folderBoundaries = {
  meta: { type: "problem", schema: [{ type: "object", properties: { root: { type: "string" }, allow: { type: "array", items: { type: "string" } } } }] },
  create(context) {
    const { root, allow } = context.options[0];
    const allowed = allow.map((dir) => path.join(root, dir) + path.sep);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = path.resolve(path.dirname(context.filename), source);
      if (!allowed.some((dir) => target.startsWith(dir))) {
        context.report({ node: node.source, message: `"${source}" leaves the folders this code may import (${allow.join(", ")})` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
