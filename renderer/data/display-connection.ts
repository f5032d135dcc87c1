import { io, type Socket } from "socket.io-client";
import { keepConnected } from "./keep-connected.js";
import { events, wallStateSchema, type DisplayHealth } from "../../electron/common/protocol.js";
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

export function connectDisplay(store: WallStore, displayId: string, token: string | undefined, health?: () => DisplayHealth): DisplayConnection {
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
  socket.on(events.state, (payload: unknown) => {
    const parsed = wallStateSchema.safeParse(payload);
    if (parsed.success) {
      setWall(parsed.data);
      // A report a second after each state (on every connect too): the console learns at once
      // that this display shows it, once its tiles are drawn.
      if (health) {
        clearTimeout(afterChange);
        afterChange = setTimeout(() => reportHealth(health()), 1000);
      }
    } else {
      store.getState().countRejected();
      console.warn("wall state refused", parsed.error.issues.slice(0, 3));
    }
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
      stopRetrying();
      socket.removeAllListeners();
      socket.close();
    },
  };
}
