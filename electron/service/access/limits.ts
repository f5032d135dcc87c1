import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Everything a client can grow, bounded. The defaults leave a wall of many displays room to
 * spare (a display holds about 30 topics and reports its health every 5 s) while a flood from
 * one client is refused long before it costs the service memory it keeps.
 */
export interface ServiceLimits {
  /** Feed topics one socket may hold. */
  topicsPerSocket: number;
  /** Distinct feed topics all sockets together may hold (behind a backend, each is a subscription there too). */
  topicsTotal: number;
  /** `subscribe`/`unsubscribe` messages per socket per second. */
  subscriptionsPerSecond: number;
  /** `display:health` reports per display per second. */
  healthReportsPerSecond: number;
  /** `clock:ping` exchanges per display socket per second (a display makes five on each connect). */
  clockPingsPerSecond: number;
  /** Open sockets (all namespaces share one connection) from one address. */
  socketsPerAddress: number;
  /** Open sockets in all. */
  connections: number;
  /** Largest REST body. */
  bodyBytes: number;
  /** Largest socket message; a larger one closes that connection (WebSocket 1009). */
  messageBytes: number;
}

export const DEFAULT_LIMITS: ServiceLimits = {
  topicsPerSocket: 500,
  topicsTotal: 5000,
  subscriptionsPerSecond: 20,
  healthReportsPerSecond: 2,
  clockPingsPerSecond: 10,
  socketsPerAddress: 100,
  connections: 1000,
  bodyBytes: 64 * 1024,
  messageBytes: 64 * 1024,
};

/** At most `perSecond` events per key per second (rate-limiter-flexible; keys expire after a second). */
export class RateGate {
  private readonly limiter: RateLimiterMemory;

  constructor(perSecond: number) {
    this.limiter = new RateLimiterMemory({ points: perSecond, duration: 1 });
  }

  async allow(key: string): Promise<boolean> {
    try {
      await this.limiter.consume(key);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }
}

/** Open sockets by address, and in all: refused at the handshake past either limit. */
export class ConnectionCount {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: Pick<ServiceLimits, "socketsPerAddress" | "connections">) {}

  /** Why a new socket from `address` may not open, or undefined when it may. */
  refusal(address: string): "connections" | "socketsPerAddress" | undefined {
    if (this.total >= this.limits.connections) return "connections";
    if ((this.byAddress.get(address) ?? 0) >= this.limits.socketsPerAddress) return "socketsPerAddress";
    return undefined;
  }

  opened(address: string): void {
    this.total += 1;
    this.byAddress.set(address, (this.byAddress.get(address) ?? 0) + 1);
  }

  closed(address: string): void {
    this.total = Math.max(0, this.total - 1);
    const n = (this.byAddress.get(address) ?? 0) - 1;
    if (n > 0) this.byAddress.set(address, n);
    else this.byAddress.delete(address);
  }

  get open(): number {
    return this.total;
  }
}
