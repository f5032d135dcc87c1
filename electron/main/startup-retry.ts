import type { Logger } from "../service/log.js";

export interface StartupRetryDeps {
  log: Logger;
  /** Says on every output why the wall is not up (replacing what it said before). */
  showSlate(message: string): void;
  /** Takes the slate down: the wall is up. */
  hideSlate(): void;
  /** Calls back when a file the start reads changes (layouts, certificates); returns a stop function. */
  watch(onChange: () => void): () => void;
  /** A timer; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
  /** Waits between tries when nothing changes: the first, doubling up to the last. */
  backoffMs?: readonly [first: number, max: number];
}

/** A change is acted on once the editor has finished writing (several events, one retry). */
const SETTLE_MS = 500;

/**
 * Starts the wall, and when the start fails keeps trying: at once when a file it reads changes
 * (the integrator fixed wall.json, or put the certificate in place), and after a growing wait
 * otherwise (the port was taken, the disk was not mounted yet). The failure is on every output
 * meanwhile, so nobody has to restart a controller they cannot reach.
 */
export class StartupRetry {
  private stopWatching: (() => void) | undefined;
  private cancelTimer: (() => void) | undefined;
  private waitMs: number;
  private attempts = 0;
  private running = false;
  private done = false;

  constructor(
    private readonly start: () => Promise<void>,
    private readonly deps: StartupRetryDeps,
  ) {
    this.waitMs = this.backoff[0];
  }

  private get backoff(): readonly [number, number] {
    return this.deps.backoffMs ?? [5_000, 60_000];
  }

  /** Tries now; resolves once a try has ended (up or failed). */
  async attempt(): Promise<void> {
    if (this.running || this.done) return;
    this.running = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.attempts += 1;
    try {
      await this.start();
      this.done = true;
      this.stopWatching?.();
      this.stopWatching = undefined;
      if (this.attempts > 1) {
        this.deps.log("info", "IOC Wall started after failing", { attempts: this.attempts });
        this.deps.hideSlate();
      }
    } catch (e) {
      const message = (e as Error).message;
      const wait = this.waitMs;
      this.waitMs = Math.min(this.backoff[1], wait * 2);
      this.deps.log("error", "IOC Wall could not start; trying again when its files change, or later", { error: message, attempt: this.attempts, retrySeconds: wait / 1000 });
      this.deps.showSlate(
        `IOC Wall không khởi động được: ${message}. Sẽ thử lại khi tệp cấu hình thay đổi, hoặc sau ${wait / 1000} giây. ` +
          `IOC Wall could not start: ${message}. Trying again when its files change, or in ${wait / 1000} s.`,
      );
      this.stopWatching ??= this.deps.watch(() => this.soon(SETTLE_MS));
      this.soon(wait);
    } finally {
      this.running = false;
    }
  }

  private soon(ms: number): void {
    if (this.done) return;
    this.cancelTimer?.();
    this.cancelTimer = this.deps.schedule(() => {
      this.cancelTimer = undefined;
      void this.attempt();
    }, ms);
  }
}
