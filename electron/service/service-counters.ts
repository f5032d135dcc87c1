/** Counters a monitor can read from /api/health: refused input never passes silently. */
export interface ServiceCounters {
  /** REST bodies and socket payloads refused by their schema. */
  rejectedMessages: number;
  /** Requests and socket handshakes with a missing or wrong credential. */
  authFailures: number;
  /** Requests and sockets refused before any credential is looked at. */
  refused: { host: number; origin: number };
  /** What clients tried to grow past a limit, by limit (see access/limits.ts). */
  limited: Record<LimitName, number>;
}

export type LimitName = "topics" | "subscriptions" | "healthReports" | "clockPings" | "socketsPerAddress" | "connections" | "bodySize" | "messageSize";

export function newCounters(): ServiceCounters {
  return {
    rejectedMessages: 0,
    authFailures: 0,
    refused: { host: 0, origin: 0 },
    limited: { topics: 0, subscriptions: 0, healthReports: 0, clockPings: 0, socketsPerAddress: 0, connections: 0, bodySize: 0, messageSize: 0 },
  };
}
