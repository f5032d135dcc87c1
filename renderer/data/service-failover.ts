/** How long a display stays without its service before it moves to another instance of the wall. */
export const FAILOVER_AFTER_MS = 3000;

/**
 * Which instance of the wall service a display talks to. It starts with the one that served the
 * page, learns the others from it (`wall:peers`), and when its sockets have been down for
 * FAILOVER_AFTER_MS moves them to the next, and on round the list until one answers. Meanwhile the
 * display keeps its picture: moving changes only where its sockets go.
 */
export class ServiceFailover {
  private origins: string[];
  private index = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly movers: Array<(origin: string) => void> = [];
  private toldSeveral = false;

  /** `onSeveral`: called once, when the display first learns it has somewhere to move to. */
  constructor(
    home: string,
    private readonly onSeveral: () => void = () => undefined,
  ) {
    this.origins = [home];
  }

  get current(): string {
    return this.origins[this.index]!;
  }

  /** The wall's instances as the service lists them; the one in use stays in use. */
  learn(origins: readonly string[]): void {
    const current = this.current;
    this.origins = [...new Set([current, ...this.origins, ...origins])];
    this.index = 0;
    if (this.origins.length > 1 && !this.toldSeveral) {
      this.toldSeveral = true;
      this.onSeveral();
    }
  }

  /** Called with the new origin each time the sockets must move; returns how to stop being called. */
  onMove(mover: (origin: string) => void): () => void {
    this.movers.push(mover);
    return () => {
      const i = this.movers.indexOf(mover);
      if (i >= 0) this.movers.splice(i, 1);
    };
  }

  connected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  lost(): void {
    if (this.timer !== undefined || this.origins.length < 2) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.index = (this.index + 1) % this.origins.length;
      for (const move of this.movers) move(this.current);
      // Still nobody: on to the next after the same wait.
      this.lost();
    }, FAILOVER_AFTER_MS);
  }
}
