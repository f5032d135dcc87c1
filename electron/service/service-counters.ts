/** Counters a monitor can read from /api/health: refused input never passes silently. */
export interface ServiceCounters {
  /** REST bodies and socket payloads refused by their schema. */
  rejectedMessages: number;
  /** Requests and socket handshakes with a missing or wrong token. */
  authFailures: number;
}

export function newCounters(): ServiceCounters {
  return { rejectedMessages: 0, authFailures: 0 };
}
