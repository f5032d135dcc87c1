import type { WallTopology } from "../common/topology.js";
import { CredentialRefused, fetchPrimaryTopology } from "./primary-topology.js";

/** How long one primary may take to answer before the next is asked (a dead host may never refuse). */
const DEFAULT_TIMEOUT_MS = 5_000;

export interface PrimaryChoiceOptions {
  timeoutMs?: number;
  fetchFn?: typeof fetch;
}

/**
 * Which of a follower's primaries (`--primary`, the instances of one wall) it uses now. Asking for
 * the topology asks the current one; when it does not answer (down, timed out, 5xx, not a wall) the
 * next ones in order, round the list, and the first that answers becomes the current one, which
 * the listeners hear. A 401 is not skipped: the credential is wrong, and every instance would say so.
 */
export class PrimaryChoice {
  private index = 0;
  private asking: Promise<WallTopology> | undefined;
  private readonly listeners: Array<(current: string, previous: string) => void> = [];

  constructor(
    readonly origins: readonly string[],
    private readonly token: string | undefined,
    private readonly options: PrimaryChoiceOptions = {},
  ) {
    if (origins.length === 0) throw new Error("a follower needs at least one primary");
  }

  get current(): string {
    return this.origins[this.index]!;
  }

  /** Called each time another primary becomes the current one. */
  onChange(listener: (current: string, previous: string) => void): void {
    this.listeners.push(listener);
  }

  /** The wall's topology from a live primary. Asks made while one is under way share its answer. */
  topology(): Promise<WallTopology> {
    this.asking ??= this.ask().finally(() => (this.asking = undefined));
    return this.asking;
  }

  private async ask(): Promise<WallTopology> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const fetchFn = this.options.fetchFn ?? fetch;
    const timed: typeof fetch = (url, init) => fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const failures: string[] = [];
    for (let k = 0; k < this.origins.length; k++) {
      const i = (this.index + k) % this.origins.length;
      const origin = this.origins[i]!;
      try {
        const topology = await fetchPrimaryTopology(origin, this.token, timed);
        this.makeCurrent(i);
        return topology;
      } catch (e) {
        if (e instanceof CredentialRefused) throw e;
        failures.push(`${origin}: ${reason(e)}`);
      }
    }
    throw new Error(`no primary answers: ${failures.join("; ")}`);
  }

  private makeCurrent(i: number): void {
    if (i === this.index) return;
    const previous = this.current;
    this.index = i;
    for (const listener of this.listeners) listener(this.current, previous);
  }
}

/** What went wrong, with the network's own word for it (fetch says only "fetch failed"). */
function reason(e: unknown): string {
  const error = e instanceof Error ? e : new Error(String(e));
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause?.code ?? cause?.message;
  return typeof detail === "string" && detail ? `${error.message} (${detail})` : error.message;
}
