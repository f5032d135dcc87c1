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

/**
 * Which displays have a live socket, and since when: this instance's own, and (several instances
 * sharing one wall) those the others report, so that every console sees the whole wall. `change`
 * carries this instance's own displays (what its metrics count and what it tells the others);
 * `remote` says the others' changed; `list()` is the whole wall.
 */
export class DisplayRegistry extends EventEmitter<{ change: [ConnectedDisplay[]]; remote: [] }> {
  private readonly displays = new Map<string, ConnectedDisplay>();
  private remote: ConnectedDisplay[] = [];

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  connected(displayId: string): void {
    const d = this.displays.get(displayId);
    if (d) d.connections += 1;
    else this.displays.set(displayId, { displayId, connections: 1, since: this.now() });
    this.emit("change", this.local());
  }

  disconnected(displayId: string): void {
    const d = this.displays.get(displayId);
    if (!d) return;
    d.connections -= 1;
    if (d.connections <= 0) this.displays.delete(displayId);
    this.emit("change", this.local());
  }

  report(displayId: string, health: DisplayHealth): void {
    const d = this.displays.get(displayId);
    if (!d) return;
    d.health = { ...redactedHealth(health), at: this.now() };
    this.emit("change", this.local());
  }

  /** The displays connected to this instance. */
  local(): ConnectedDisplay[] {
    return [...this.displays.values()].sort((a, b) => a.displayId.localeCompare(b.displayId)).map((d) => ({ ...d }));
  }

  /** The displays the other instances of this wall report (their latest lists, together). */
  setRemote(displays: ConnectedDisplay[]): void {
    this.remote = displays;
    this.emit("remote");
  }

  /** The whole wall: a display connected to several instances counts its sockets on all, with its latest report. */
  list(): ConnectedDisplay[] {
    return mergeDisplays([...this.local(), ...this.remote]);
  }
}

/** One entry per display id: sockets summed, the earliest since, the latest report. */
export function mergeDisplays(all: ConnectedDisplay[]): ConnectedDisplay[] {
  const byId = new Map<string, ConnectedDisplay>();
  for (const d of all) {
    const seen = byId.get(d.displayId);
    if (!seen) byId.set(d.displayId, { ...d });
    else {
      seen.connections += d.connections;
      seen.since = Math.min(seen.since, d.since);
      if (d.health && (!seen.health || (d.health.at ?? 0) > (seen.health.at ?? 0))) seen.health = d.health;
    }
  }
  return [...byId.values()].sort((a, b) => a.displayId.localeCompare(b.displayId));
}
