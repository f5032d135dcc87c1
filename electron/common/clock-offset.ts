/** One exchange with the service: sent at `t0`, the service's clock said `server`, answered at `t1` (local ms). */
export interface ClockSample {
  t0: number;
  server: number;
  t1: number;
}

/**
 * The service's clock minus this one (NTP-style): of several exchanges, the one with the shortest
 * round trip is the least disturbed; the service read its clock half-way through it.
 */
export function clockOffset(samples: readonly ClockSample[]): number | undefined {
  let best: ClockSample | undefined;
  for (const s of samples) if (s.t1 >= s.t0 && (!best || s.t1 - s.t0 < best.t1 - best.t0)) best = s;
  return best ? best.server - (best.t0 + best.t1) / 2 : undefined;
}

/** How long to wait, on this clock, until the service's `switchAt`; never negative, never more than `maxMs`. */
export function delayUntil(switchAt: number, localNow: number, offset: number, maxMs = 5000): number {
  return Math.max(0, Math.min(maxMs, switchAt - (localNow + offset)));
}
