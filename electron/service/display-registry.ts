import { EventEmitter } from "node:events";
import type { ConnectedDisplay, DisplayHealth } from "../common/protocol.js";
import { redactAddress, redactAddressesIn } from "../common/web-address.js";

/**
 * What consoles and `GET /api/state` show of a report: stream addresses without their user,
 * password or query (a VMS key often rides there).
 */
function redactedHealth(health: DisplayHealth): DisplayHealth {
  if (!health.cameras) return health;
  const cameras = health.cameras.cameras.map((c) => ({
    ...c,
    url: redactAddress(c.url),
    ...(c.lastError === undefined ? {} : { lastError: redactAddressesIn(c.lastError) }),
  }));
  return { ...health, cameras: { ...health.cameras, cameras } };
}

/** Which displays have a live socket, and since when. */
export class DisplayRegistry extends EventEmitter<{ change: [ConnectedDisplay[]] }> {
  private readonly displays = new Map<string, ConnectedDisplay>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  connected(displayId: string): void {
    const d = this.displays.get(displayId);
    if (d) d.connections += 1;
    else this.displays.set(displayId, { displayId, connections: 1, since: this.now() });
    this.emit("change", this.list());
  }

  disconnected(displayId: string): void {
    const d = this.displays.get(displayId);
    if (!d) return;
    d.connections -= 1;
    if (d.connections <= 0) this.displays.delete(displayId);
    this.emit("change", this.list());
  }

  report(displayId: string, health: DisplayHealth): void {
    const d = this.displays.get(displayId);
    if (!d) return;
    d.health = { ...redactedHealth(health), at: this.now() };
    this.emit("change", this.list());
  }

  list(): ConnectedDisplay[] {
    return [...this.displays.values()].sort((a, b) => a.displayId.localeCompare(b.displayId)).map((d) => ({ ...d }));
  }
}
