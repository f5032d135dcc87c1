import { describe, expect, it } from "vitest";
import { BLACK_AFTER_MS, FROZEN_AFTER_MS, isBlack, PictureJudge, SAMPLE_HEIGHT, SAMPLE_WIDTH } from "./picture-check.js";

const frame = (fill: (i: number) => [number, number, number]) => {
  const rgba = new Uint8ClampedArray(SAMPLE_WIDTH * SAMPLE_HEIGHT * 4);
  for (let p = 0; p < SAMPLE_WIDTH * SAMPLE_HEIGHT; p++) rgba.set([...fill(p), 255], p * 4);
  return rgba;
};
const black = () => frame(() => [16, 16, 16]);
const night = () => frame((p) => (p % 20 === 0 ? [200, 180, 90] : [10, 12, 14])); // dark, with street lights
let seed = 1;
const noisy = () => frame(() => [100 + ((seed = (seed * 48271) % 2147483647) % 5), 110, 120]);

describe("judging the picture from its pixels", () => {
  it("calls a picture black only when nearly all of it is; a night scene with lights is not", () => {
    expect(isBlack(black())).toBe(true);
    expect(isBlack(night())).toBe(false);
    expect(isBlack(noisy())).toBe(false);
  });

  it("says black after two black samples, frozen after 20 s of the very same picture, and recovers at once", () => {
    const judge = new PictureJudge();
    expect(judge.add(black(), 0)).toBe("ok");
    expect(judge.add(black(), BLACK_AFTER_MS)).toBe("black");
    expect(judge.add(noisy(), BLACK_AFTER_MS + 2000)).toBe("ok");
    const still = noisy();
    let t = 10_000;
    for (; t < 10_000 + FROZEN_AFTER_MS; t += 2000) expect(judge.add(still.slice(), t)).toBe("ok");
    expect(judge.add(still.slice(), t)).toBe("frozen");
    expect(judge.add(noisy(), t + 2000)).toBe("ok");
  });

  it("never calls a live camera's noise frozen", () => {
    const judge = new PictureJudge();
    for (let t = 0; t < 120_000; t += 2000) expect(judge.add(noisy(), t)).toBe("ok");
  });
});
