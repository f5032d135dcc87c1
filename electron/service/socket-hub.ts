import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { controlHandshakeSchema, displayHandshakeSchema, displayHealthSchema, events, type Ack } from "../common/protocol.js";
import { isRefusal, type GateRefusal } from "./auth-gate.js";
import type { Principal } from "./auth.js";
import type { ServiceDeps } from "./service-deps.js";


/** Socket clients (the console) tell a wrong token from a rate limit by these two messages. */
function refusalMessage(r: GateRefusal): string {
  return r.status === 401 ? "unauthorized" : r.error;
}

/** `/display` carries the wall state to displays; `/control` carries it to consoles and takes their commands. */
export function attachSockets(http: HttpServer, deps: ServiceDeps): { io: Server; close: () => Promise<void> } {
  const { state, store, displays, gate, counters, commands } = deps;
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000 });

  const display = io.of("/display");
  display.use((socket, next) => {
    const hs = displayHandshakeSchema.safeParse(socket.handshake.auth);
    if (!hs.success) {
      counters.rejectedMessages += 1;
      next(new Error("handshake needs {displayId}"));
      return;
    }
    if (deps.displaysNeedToken) {
      const result = gate(socket.handshake.address, hs.data.token);
      if (isRefusal(result)) {
        next(new Error(refusalMessage(result)));
        return;
      }
    }
    socket.data.displayId = hs.data.displayId;
    next();
  });
  display.on("connection", (socket) => {
    const id = socket.data.displayId as string;
    displays.connected(id);
    socket.emit(events.state, state.current());
    socket.on("disconnect", () => displays.disconnected(id));
    // Displays send only their health; anything else, or a report that fails its schema, is counted and ignored.
    socket.onAny((event: string, payload: unknown) => {
      const health = event === events.displayHealth ? displayHealthSchema.safeParse(payload) : undefined;
      if (health?.success) displays.report(id, health.data);
      else counters.rejectedMessages += 1;
    });
  });

  const control = io.of("/control");
  control.use((socket, next) => {
    const hs = controlHandshakeSchema.safeParse(socket.handshake.auth);
    const result = gate(socket.handshake.address, hs.success ? hs.data.token : undefined);
    if (isRefusal(result)) {
      next(new Error(refusalMessage(result)));
      return;
    }
    socket.data.principal = result;
    next();
  });
  control.on("connection", (socket: Socket) => {
    const principal = socket.data.principal as Principal;
    socket.emit(events.state, state.current());
    socket.emit(events.displays, displays.list());
    socket.emit(events.layouts, store.summaries());
    socket.on(events.switchLayout, (body: unknown, ack: unknown) => {
      const result: Ack = commands.switchLayout(principal, body);
      if (!result.ok && result.status === 400) counters.rejectedMessages += 1;
      if (typeof ack === "function") (ack as (a: Ack) => void)(result);
    });
    socket.on(events.mapView, (body: unknown, ack: unknown) => {
      const result = commands.setMapView(principal, body);
      if (!result.ok && result.status === 400) counters.rejectedMessages += 1;
      if (typeof ack === "function") (ack as (a: Ack) => void)(result.ok ? { ok: true } : result);
    });
  });

  const onState = () => {
    const s = state.current();
    display.emit(events.state, s);
    control.emit(events.state, s);
  };
  const onDisplays = () => control.emit(events.displays, displays.list());
  const onStore = () => control.emit(events.layouts, store.summaries());
  state.on("change", onState);
  displays.on("change", onDisplays);
  store.on("change", onStore);
  const close = async () => {
    state.off("change", onState);
    displays.off("change", onDisplays);
    store.off("change", onStore);
    await io.close();
  };
  return { io, close };
}
