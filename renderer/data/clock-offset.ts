import type { Socket } from "socket.io-client";
import { events } from "../../electron/common/protocol.js";
import { clockOffset, type ClockSample } from "../../electron/common/switching.js";

/** Exchanges of `clock:ping` on each connect; the least disturbed one gives the offset. */
const CLOCK_SAMPLES = 5;

/**
 * The service's clock minus this machine's, or undefined when no exchange was answered. Displays
 * swap at the service's instants by it; consoles judge how old a display's report is by it.
 */
export async function measureOffset(socket: Socket): Promise<number | undefined> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < CLOCK_SAMPLES && socket.connected; i++) {
    const t0 = Date.now();
    try {
      const server = (await socket.timeout(2000).emitWithAck(events.clockPing, {})) as unknown;
      if (typeof server === "number" && Number.isFinite(server)) samples.push({ t0, server, t1: Date.now() });
    } catch {
      // no answer in time: that sample is lost
    }
  }
  return clockOffset(samples);
}
