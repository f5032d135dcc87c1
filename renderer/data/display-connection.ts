import { io, type Socket } from "socket.io-client";
import { keepConnected } from "./keep-connected.js";
import { events, peersSchema, wallStateSchema, type DisplayHealth } from "../../electron/common/protocol.js";
import { measureOffset } from "./clock-offset.js";
import { answerCapture } from "./screen-capture.js";
import type { ServiceFailover } from "./service-failover.js";
import type { WallStore } from "./wall-store.js";

/**
 * The display's one socket to the service. socket.io-client reconnects by itself with
 * exponential backoff and jitter; each (re)connect gets the current state at once.
 */
export interface DisplayConnection {
  /** Sends this display's health report (besides, a display only answers clock pings and captures). */
  reportHealth: (health: DisplayHealth) => void;
  close: () => void;
}

const CLOCK_REMEASURE_MS = 10 * 60_000;

export function connectDisplay(store: WallStore, displayId: string, token: string | undefined, health?: () => DisplayHealth, failover?: ServiceFailover): DisplayConnection {
  const { receive, setOnline, setRefusal, setClockOffset } = store.getState();
  let socket: Socket;
  let stopRetrying: () => void = () => undefined;
  const measure = () => void measureOffset(socket).then((offset) => offset !== undefined && setClockOffset(offset));
  // A report a second after the picture changes (on every connect too): the console learns at
  // once what this display shows, once its tiles are drawn.
  let afterChange: ReturnType<typeof setTimeout> | undefined;
  function reportSoon() {
    if (!health) return;
    clearTimeout(afterChange);
    afterChange = setTimeout(() => reportHealth(health()), 1000);
  }
  const reportHealth = (h: DisplayHealth) => {
    if (socket.connected) socket.emit(events.displayHealth, h);
  };

  function open(origin: string): void {
    socket = io(`${origin}/display`, {
      auth: token ? { displayId, token } : { displayId },
      transports: ["websocket"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    stopRetrying = keepConnected(socket, setRefusal);
    socket.on("connect", () => {
      setOnline(true);
      failover?.connected();
      reportSoon();
      measure();
    });
    socket.on("disconnect", () => {
      setOnline(false);
      failover?.lost();
    });
    socket.on("connect_error", () => {
      setOnline(false);
      failover?.lost();
    });
    // The wall's other instances, to move to when this one dies.
    socket.on(events.peers, (payload: unknown) => {
      const parsed = peersSchema.safeParse(payload);
      if (parsed.success) failover?.learn(parsed.data.origins);
    });
    socket.on(events.schedule, (status: { briefing?: { index?: unknown; count?: unknown; showPosition?: unknown } | null }) => {
      const b = status?.briefing;
      const shown = b && b.showPosition === true && typeof b.index === "number" && typeof b.count === "number";
      store.getState().setBriefingPosition(shown ? { index: b.index as number, count: b.count as number } : undefined);
    });
    // The console asked what this display shows.
    socket.on(events.displayCapture, (request: unknown) => void answerCapture(request, (event, payload) => socket.emit(event, payload)));
    socket.on(events.state, (payload: unknown) => {
      const parsed = wallStateSchema.safeParse(payload);
      if (parsed.success) {
        receive(parsed.data);
      } else {
        store.getState().countRejected();
        console.warn("wall state refused", parsed.error.issues.slice(0, 3));
      }
    });
  }
  function closeSocket(): void {
    stopRetrying();
    socket.removeAllListeners();
    socket.close();
  }

  open(failover?.current ?? "");
  // Moved to another instance: the picture stays; the sockets go there (the clock is measured again on connect).
  failover?.onMove((origin) => {
    closeSocket();
    open(origin);
  });
  // And again now and then: a controller's clock drifts, or NTP steps it, over weeks on the wall.
  const remeasure = setInterval(() => socket.connected && measure(), CLOCK_REMEASURE_MS);
  const unsubscribe = store.subscribe((now, before) => now.wall !== before.wall && reportSoon());
  // And every 5 s, so that a display gone silent is seen as lost.
  const timer = health ? setInterval(() => reportHealth(health()), 5000) : undefined;
  return {
    reportHealth,
    close: () => {
      clearInterval(timer);
      clearTimeout(afterChange);
      clearInterval(remeasure);
      unsubscribe();
      closeSocket();
    },
  };
}
