/**
 * WebGL contexts are a scarce, per-window resource: Chromium keeps 16 per renderer and silently
 * kills the oldest beyond that. Every map holds a slot while its context lives; a map that finds
 * none free waits (its tile says so) until one is released, so no sequence of layout switches
 * can hold more contexts than the budget.
 */
export interface SlotStats {
  budget: number;
  live: number;
  peak: number;
  /** Contexts ever granted in this window. */
  granted: number;
  waiting: number;
}

export class WebglSlots {
  private holders = new Set<symbol>();
  private queue: Array<{ id: symbol; grant: () => void }> = [];
  private peak = 0;
  private granted = 0;

  constructor(private budget: number) {}

  setBudget(budget: number): void {
    this.budget = budget;
    this.drain();
  }

  /**
   * Asks for a slot: `grant` runs (at once or later) when there is one. The returned function
   * gives the slot back, or leaves the queue if it was not granted yet; calling it twice is safe.
   */
  acquire(grant: () => void): () => void {
    const id = Symbol("webgl-slot");
    this.queue.push({ id, grant });
    this.drain();
    return () => {
      this.queue = this.queue.filter((w) => w.id !== id);
      if (this.holders.delete(id)) this.drain();
    };
  }

  stats(): SlotStats {
    return { budget: this.budget, live: this.holders.size, peak: this.peak, granted: this.granted, waiting: this.queue.length };
  }

  private drain(): void {
    while (this.holders.size < this.budget && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.holders.add(next.id);
      this.granted += 1;
      this.peak = Math.max(this.peak, this.holders.size);
      next.grant();
    }
  }
}

/** This window's slots; WallApp sets the budget from wall.json. */
export const webglSlots = new WebglSlots(4);
