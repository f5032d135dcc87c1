import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { models } from "./domains.js";
import { Random } from "./random.js";

describe("docs/topics.md", () => {
  it("lists every topic the simulator publishes, with its kind and unit", () => {
    const doc = fs.readFileSync("docs/topics.md", "utf8");
    const now = Date.UTC(2026, 11, 1, 3);
    for (const m of models) {
      for (const [topic, value] of Object.entries(m.topics(m.start(new Random(1), now), now))) {
        const unit = "unit" in value ? (value.unit ?? "") : "";
        expect(doc, topic).toContain(`| \`${topic}\` | ${value.kind} | ${unit} |`);
      }
    }
  });
});
