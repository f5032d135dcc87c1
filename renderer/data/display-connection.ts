import { io, type Socket } from "socket.io-client";
import { keepConnected } from "./keep-connected.js";
import { clockOffset, delayUntil, type ClockSample } from "../../electron/common/clock-offset.js";
import { events, wallStateSchema, type DisplayHealth, type WallState } from "../../electron/common/protocol.js";
import type { WallStore } from "./wall-store.js";

/**
 * The display's one socket to the service. socket.io-client reconnects by itself with
 * exponential backoff and jitter; each (re)connect gets the current state at once.
 */
export interface DisplayConnection {
  /** Sends this display's health report (the only thing a display ever sends). */
  reportHealth: (health: DisplayHealth) => void;
  close: () => void;
}

/** Five exchanges of `clock:ping`; the offset of the least disturbed one (undefined when none answered). */
async function measureOffset(socket: Socket): Promise<number | undefined> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < 5 && socket.connected; i++) {
    const t0 = Date.now();
    try {
      const server = (await socket.timeout(2000).emitWithAck(events.clockPing, {})) as unknown;
      if (typeof server === "number") samples.push({ t0, server, t1: Date.now() });
    } catch {
      // no answer: that sample is lost
    }
  }
  return clockOffset(samples);
}

/**
 * `synchronized: false` shows each state as it arrives (`?switch=immediate`: only for the swap-skew
 * benchmark, which compares it with the synchronized swap).
 */
export function connectDisplay(store: WallStore, displayId: string, token: string | undefined, health?: () => DisplayHealth, synchronized = true): DisplayConnection {
  const socket: Socket = io("/display", {
    auth: token ? { displayId, token } : { displayId },
    transports: ["websocket"],
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
  const { setWall, setOnline, setRefusal } = store.getState();
  const stopRetrying = keepConnected(socket, setRefusal);
  socket.on("connect", () => setOnline(true));
  socket.on("disconnect", () => setOnline(false));
  socket.on("connect_error", () => setOnline(false));
  socket.on(events.schedule, (status: { briefing?: { index?: unknown; count?: unknown; showPosition?: unknown } | null }) => {
    const b = status?.briefing;
    const shown = b && b.showPosition === true && typeof b.index === "number" && typeof b.count === "number";
    store.getState().setBriefingPosition(shown ? { index: b.index as number, count: b.count as number } : undefined);
  });
  let afterChange: ReturnType<typeof setTimeout> | undefined;
  // The service's clock minus this one, measured on each connect: a switch shows at its switchAt.
  let offset = 0;
  socket.on("connect", () => void measureOffset(socket).then((o) => (offset = o ?? offset)));
  let pending: ReturnType<typeof setTimeout> | undefined;
  const apply = (wall: WallState) => {
    setWall(wall);
    // A report a second after each state (on every connect too): the console learns at once that
    // this display shows it, once its tiles are drawn.
    if (health) {
      clearTimeout(afterChange);
      afterChange = setTimeout(() => reportHealth(health()), 1000);
    }
  };
  socket.on(events.state, (payload: unknown) => {
    const parsed = wallStateSchema.safeParse(payload);
    if (!parsed.success) {
      store.getState().countRejected();
      console.warn("wall state refused", parsed.error.issues.slice(0, 3));
      return;
    }
    const wall = parsed.data;
    clearTimeout(pending);
    const shown = store.getState().wall;
    // A new layout waits for its switchAt, so that every display swaps in the same instant; the old
    // one stays on screen meanwhile. Anything else (an edit, an override) shows at once.
    const wait = shown && wall.switchAt && wall.layoutId !== shown.layoutId && synchronized ? delayUntil(wall.switchAt, Date.now(), offset) : 0;
    if (wait > 0) pending = setTimeout(() => apply(wall), wait);
    else apply(wall);
  });
  const reportHealth = (h: DisplayHealth) => {
    if (socket.connected) socket.emit(events.displayHealth, h);
  };
  // And every 5 s, so that a display gone silent is seen as lost.
  const timer = health ? setInterval(() => reportHealth(health()), 5000) : undefined;
  return {
    reportHealth,
    close: () => {
      clearInterval(timer);
      clearTimeout(afterChange);
      clearTimeout(pending);
      stopRetrying();
      socket.removeAllListeners();
      socket.close();
    },
  };
}
