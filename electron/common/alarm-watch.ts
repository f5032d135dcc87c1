import type { AlarmRule } from "./alarms-file.js";
import type { FeedValue } from "./feed-protocol.js";

/** What one value of a topic means for one rule. */
export type AlarmSignal =
  | { kind: "raise"; key: string; title: string; event: Record<string, unknown> }
  /** A number back on the right side of its threshold: its alarm clears by itself. */
  | { kind: "clear"; key: string };

/** Ids remembered per rule, so that an event is raised once: the newest this many. */
const SEEN_LIMIT = 1000;

/** What a watch remembers, as plain data: handed from one leading instance to the next. */
export interface WatchMemory {
  seen: string[];
  over: boolean;
  down: string[];
  primed: boolean;
}

/**
 * A rule's memory of its topic: the event ids it has seen, whether its number is over the line,
 * which status items are down. The first value it sees is the baseline — history raises nothing —
 * unless it carries on the memory of the watch before it (another instance's, that led the wall).
 */
export class AlarmWatch {
  private seen: string[] = [];
  private seenSet = new Set<string>();
  private over = false;
  private down = new Set<string>();
  private primed = false;

  constructor(
    readonly rule: AlarmRule,
    memory?: WatchMemory,
  ) {
    if (!memory) return;
    this.seen = memory.seen.slice(-SEEN_LIMIT);
    this.seenSet = new Set(this.seen);
    this.over = memory.over;
    this.down = new Set(memory.down);
    this.primed = memory.primed;
  }

  memory(): WatchMemory {
    return { seen: [...this.seen], over: this.over, down: [...this.down], primed: this.primed };
  }

  take(value: FeedValue): AlarmSignal[] {
    const first = !this.primed;
    this.primed = true;
    const r = this.rule;
    if (value.kind === "events" && r.match) {
      const out: AlarmSignal[] = [];
      for (const item of value.items) {
        if (this.seenSet.has(item.id)) continue;
        this.remember(item.id);
        const fields = item as unknown as Record<string, unknown>;
        if (!first && Object.entries(r.match).every(([k, v]) => fields[k] === v)) out.push({ kind: "raise", key: `${r.id}:${item.id}`, title: item.title, event: fields });
      }
      return out;
    }
    if (value.kind === "number" && (r.above !== undefined || r.below !== undefined)) {
      const over = (r.above !== undefined && value.value > r.above) || (r.below !== undefined && value.value < r.below);
      const was = this.over;
      this.over = over;
      if (over && !was) return [{ kind: "raise", key: r.id, title: `${value.value}${value.unit ? ` ${value.unit}` : ""}`, event: { value: value.value } }];
      if (!over && was) return [{ kind: "clear", key: r.id }];
      return [];
    }
    if (value.kind === "status" && r.down) {
      const out: AlarmSignal[] = [];
      const nowDown = new Set(value.items.filter((i) => !i.up).map((i) => i.id));
      for (const item of value.items) {
        if (!item.up && !this.down.has(item.id) && !first) out.push({ kind: "raise", key: `${r.id}:${item.id}`, title: item.label, event: { id: item.id, camera: item.id } });
      }
      this.down = nowDown;
      return out;
    }
    return [];
  }

  private remember(id: string): void {
    this.seen.push(id);
    this.seenSet.add(id);
    if (this.seen.length > SEEN_LIMIT) this.seenSet.delete(this.seen.shift()!);
  }
}
