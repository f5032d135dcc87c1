import type { FeedValue } from "../../common/feed-protocol.js";
import { round, type Random } from "./random.js";

/** One simulated topic: its first value and how it moves on. */
export interface TopicGenerator {
  topic: string;
  initial(rng: Random, now: number): FeedValue;
  step(previous: FeedValue, rng: Random, now: number): FeedValue;
}

interface Range {
  min: number;
  max: number;
  step: number;
  decimals: number;
}

/** A number topic whose next value `next` derives from the last one. */
function numberTopic(topic: string, o: { unit?: string; start: number; target?: number }, next: (last: number, rng: Random) => number): TopicGenerator {
  const base = { kind: "number" as const, ...(o.unit ? { unit: o.unit } : {}), ...(o.target !== undefined ? { target: o.target } : {}) };
  return {
    topic,
    initial: () => ({ ...base, value: o.start }),
    step: (prev, rng) => {
      const p = prev.kind === "number" ? prev.value : o.start;
      return { ...base, value: next(p, rng), previous: p };
    },
  };
}

/** A figure that wanders within its range (a rate, an index, a level). */
export function gaugeTopic(topic: string, o: Range & { unit?: string; start: number; target?: number }): TopicGenerator {
  return numberTopic(topic, o, (p, rng) => round(rng.walk(p, o.step, o.min, o.max), o.decimals));
}

/** A count that only grows through the day (dossiers received, visits). */
export function counterTopic(topic: string, o: { unit?: string; start: number; inc: [number, number]; target?: number }): TopicGenerator {
  return numberTopic(topic, o, (p, rng) => p + rng.int(o.inc[0], o.inc[1]));
}

/**
 * Values by label that wander within their range. `extra` adds fixed fields to every item
 * (a station's `lat`, `lon` and `target`), by label.
 */
export function breakdownTopic(
  topic: string,
  labels: readonly string[],
  o: Range & { unit?: string },
  extra: Readonly<Record<string, Record<string, number>>> = {},
): TopicGenerator {
  const keys = labels.map((label, i) => ({ key: `k${i + 1}`, label, ...extra[label] }));
  return {
    topic,
    initial: (rng) => ({
      kind: "breakdown",
      ...(o.unit ? { unit: o.unit } : {}),
      items: keys.map((k) => ({ ...k, value: round(rng.range(o.min, o.max), o.decimals) })),
    }),
    step: (prev, rng) => {
      if (prev.kind !== "breakdown") return prev;
      const i = rng.int(0, prev.items.length - 1);
      return {
        ...prev,
        items: prev.items.map((it, j) => (j === i ? { ...it, value: round(rng.walk(it.value, o.step, o.min, o.max), o.decimals) } : it)),
      };
    },
  };
}

export function statusTopic(topic: string, items: ReadonlyArray<readonly [string, string]>, pDown: number): TopicGenerator {
  return {
    topic,
    initial: (_rng, now) => ({ kind: "status", items: items.map(([id, label]) => ({ id, label, up: true, since: now - 86_400_000 })) }),
    step: (prev, rng, now) => {
      if (prev.kind !== "status") return prev;
      const i = rng.int(0, prev.items.length - 1);
      return {
        ...prev,
        items: prev.items.map((it, j) => {
          if (j !== i) return it;
          const up = it.up ? rng.next() > pDown : rng.next() > 0.5;
          return up === it.up ? it : { ...it, up, since: now };
        }),
      };
    },
  };
}
