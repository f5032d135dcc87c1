import { randomBytes } from "node:crypto";

/**
 * Requests sent to another instance through Redis, each waiting for its reply by id. Every one
 * ends: with its reply, with the timeout's value, or with close()'s; at most `max` wait at once.
 */
export class PendingReplies<T> {
  private readonly pending = new Map<string, { done: (value: T) => void; timer: NodeJS.Timeout }>();

  constructor(
    private readonly max: number,
    private readonly timeoutMs: number,
  ) {}

  /** A new request's id, and its reply (`onTimeout` when none comes in time); undefined when `max` wait already. */
  open(onTimeout: T): { id: string; reply: Promise<T> } | undefined {
    if (this.pending.size >= this.max) return undefined;
    const id = randomBytes(12).toString("base64url");
    const reply = new Promise<T>((done) => this.pending.set(id, { done, timer: setTimeout(() => this.settle(id, onTimeout), this.timeoutMs) }));
    return { id, reply };
  }

  /** Ends a request (a reply for one no longer waiting is dropped). */
  settle(id: string, value: T): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.done(value);
  }

  close(value: T): void {
    for (const id of [...this.pending.keys()]) this.settle(id, value);
  }
}
