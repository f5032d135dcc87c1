import { statusTopic } from "../generators.js";
import { model } from "../model.js";
import type { FeedValue } from "../../../common/feed-protocol.js";
import { districtItems, districts } from "../soc-trang.js";

/** The province's camera estate (the wall's twelve demo cameras are a few of them). */
export const CAMERAS_TOTAL = 430;

interface CamerasState {
  /** Cameras installed per district: they sum to CAMERAS_TOTAL. */
  installed: number[];
  /** Of those, how many are not reporting now, per district. */
  down: number[];
  groups: FeedValue;
}

const groups = statusTopic(
  "cameras.groups.status",
  [
    ["giao-thong", "Camera giao thông"],
    ["an-ninh", "Camera an ninh trật tự"],
    ["do-thi", "Camera đô thị thông minh"],
    ["moi-truong", "Camera giám sát môi trường"],
    ["cong-so", "Camera trụ sở cơ quan"],
  ],
  0.05,
);

/**
 * Cameras installed and reporting, per district: online plus offline is the estate, and the
 * districts' figures add up to the province's.
 */
export const cameras = model<CamerasState>({
  domain: "cameras",
  start: (rng, now) => {
    const weights = districts.map((_, i) => (i === 0 ? 4 : 1) * rng.range(0.6, 1.4));
    const sum = weights.reduce((a, b) => a + b, 0);
    const installed = weights.map((w) => Math.floor((CAMERAS_TOTAL * w) / sum));
    installed[0]! += CAMERAS_TOTAL - installed.reduce((a, b) => a + b, 0);
    const down = installed.map((n) => (rng.next() < 0.5 ? rng.int(0, Math.ceil(n * 0.06)) : 0));
    return { installed, down, groups: groups.initial(rng, now) };
  },
  step: (state, rng, now) => {
    if (rng.next() < 0.1) return { ...state, groups: groups.step(state.groups, rng, now) };
    // A camera drops out or comes back; rarely more than a tenth of a district at once.
    const i = rng.int(0, state.installed.length - 1);
    const up = rng.next() < 0.55;
    const down = state.down.map((n, j) => (j === i ? Math.min(Math.ceil(state.installed[j]! * 0.1), Math.max(0, n + (up ? -1 : 1))) : n));
    return { ...state, down };
  },
  topics: (state) => {
    const offline = state.down.reduce((a, b) => a + b, 0);
    return {
      "cameras.online": { kind: "number", unit: "camera", target: CAMERAS_TOTAL, value: CAMERAS_TOTAL - offline },
      "cameras.offline": { kind: "number", unit: "camera", value: offline },
      "cameras.by_district": { kind: "breakdown", unit: "camera", items: districtItems(state.installed) },
      "cameras.groups.status": state.groups,
    };
  },
});
