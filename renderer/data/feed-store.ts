import { create } from "zustand";
import type { FeedUpdate } from "../../electron/common/feed-protocol.js";

export const SPARKLINE_POINTS = 60;

export interface TopicEntry {
  update: FeedUpdate;
  /** The last values of a number topic, oldest first (for sparklines). */
  history: number[];
}

export type DropReason = "malformed" | "tooLarge" | "unknownTopic";

export interface FeedState {
  entries: Record<string, TopicEntry>;
  dropped: Record<DropReason, number>;
  online: boolean;
  /** The service's built-in simulator makes the figures (not the province's systems). */
  simulated: boolean;
  /** Renders caused by feed data (one per applied batch). */
  batches: number;
  applyBatch: (updates: FeedUpdate[], fromSnapshot?: boolean) => void;
  countDrop: (reason: DropReason) => void;
  setOnline: (online: boolean) => void;
  setSimulated: (simulated: boolean) => void;
  forget: (topics: string[]) => void;
}

function merge(entries: Record<string, TopicEntry>, u: FeedUpdate, fromSnapshot: boolean): boolean {
  const current = entries[u.topic];
  // Updates of one topic arrive in seq order. A snapshot (after a reconnect, perhaps from a
  // restarted service whose seq began again) wins unless an update newer than it already came.
  if (current && (fromSnapshot ? u.ts < current.update.ts : u.seq <= current.update.seq)) return false;
  let history = current?.history ?? [];
  if (u.value.kind === "number" && !u.stale) history = [...history.slice(-(SPARKLINE_POINTS - 1)), u.value.value];
  entries[u.topic] = { update: u, history };
  return true;
}

export function createFeedStore() {
  return create<FeedState>((set) => ({
    entries: {},
    dropped: { malformed: 0, tooLarge: 0, unknownTopic: 0 },
    online: false,
    simulated: false,
    batches: 0,
    applyBatch: (updates, fromSnapshot = false) =>
      set((s) => {
        const entries = { ...s.entries };
        let changed = false;
        for (const u of updates) changed = merge(entries, u, fromSnapshot) || changed;
        return changed ? { entries, batches: s.batches + 1 } : s;
      }),
    countDrop: (reason) => set((s) => ({ dropped: { ...s.dropped, [reason]: s.dropped[reason] + 1 } })),
    setOnline: (online) => set({ online }),
    setSimulated: (simulated) => set((s) => (s.simulated === simulated ? s : { simulated })),
    forget: (topics) =>
      set((s) => {
        const entries = { ...s.entries };
        for (const t of topics) delete entries[t];
        return { entries };
      }),
  }));
}

export type FeedStore = ReturnType<typeof createFeedStore>;

export interface FrameScheduler {
  request: (fn: () => void) => void;
}

/** Next animation frame, or 250 ms if frames are not running (a hidden window still catches up). */
export const animationFrameScheduler: FrameScheduler = {
  request: (fn) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      fn();
    };
    requestAnimationFrame(once);
    setTimeout(once, 250);
  },
};

/**
 * Collects updates and hands them to the store once per frame: a burst of any size costs one
 * state change and so one render. Within a batch only the newest update of a topic counts.
 */
export class UpdateBatcher {
  private pending = new Map<string, FeedUpdate>();
  private scheduled = false;

  constructor(
    private readonly store: FeedStore,
    private readonly scheduler: FrameScheduler = animationFrameScheduler,
  ) {}

  push(update: FeedUpdate): void {
    const prev = this.pending.get(update.topic);
    if (!prev || update.seq > prev.seq) this.pending.set(update.topic, update);
    if (!this.scheduled) {
      this.scheduled = true;
      this.scheduler.request(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.store.getState().applyBatch(batch);
  }
}
