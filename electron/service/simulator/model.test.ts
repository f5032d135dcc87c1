import { describe, expect, it } from "vitest";
import { poisson } from "./model.js";
import { Random } from "./random.js";

describe("poisson", () => {
  it("averages its mean, small or large (a busy hour's hundreds, not a capped few)", () => {
    const rng = new Random(5);
    for (const mean of [0.2, 4, 140, 5_200]) {
      const n = 20_000;
      let total = 0;
      for (let i = 0; i < n; i++) total += poisson(rng, mean);
      expect(total / n).toBeGreaterThan(mean * 0.95);
      expect(total / n).toBeLessThan(mean * 1.05);
    }
  });
});
