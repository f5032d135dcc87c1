import { io, type Socket } from "socket.io-client";
import { events, wallStateSchema, type Ack, type ConnectedDisplay, type LayoutSummary, type MapViewBody, type WallState } from "../../electron/common/protocol.js";

export interface ControlHandlers {
  onState: (state: WallState) => void;
  onDisplays: (displays: ConnectedDisplay[]) => void;
  onLayouts: (layouts: LayoutSummary[]) => void;
  onOnline: (online: boolean) => void;
  /** The service refused the token: stop and ask for another. */
  onRefused: (reason: string) => void;
}

export interface ControlConnection {
  switchLayout: (layoutId: string) => Promise<Ack>;
  setMapView: (body: MapViewBody) => Promise<Ack>;
  close: () => void;
}

export function connectControl(token: string, handlers: ControlHandlers): ControlConnection {
  const socket: Socket = io("/control", { auth: { token }, transports: ["websocket"], reconnectionDelayMax: 10_000 });
  socket.on("connect", () => handlers.onOnline(true));
  socket.on("disconnect", () => handlers.onOnline(false));
  socket.on("connect_error", (err: Error) => {
    handlers.onOnline(false);
    // A refusal comes from the service's middleware (socket.active is false); transport errors are
    // retried by socket.io itself.
    if (!socket.active) {
      socket.close();
      handlers.onRefused(err.message);
    }
  });
  socket.on(events.state, (payload: unknown) => {
    const parsed = wallStateSchema.safeParse(payload);
    if (parsed.success) handlers.onState(parsed.data);
  });
  socket.on(events.displays, (d: ConnectedDisplay[]) => handlers.onDisplays(Array.isArray(d) ? d : []));
  socket.on(events.layouts, (l: LayoutSummary[]) => handlers.onLayouts(Array.isArray(l) ? l : []));
  const command = (event: string, body: unknown): Promise<Ack> =>
    socket
      .timeout(5000)
      .emitWithAck(event, body)
      .then(
        (ack: Ack) => ack,
        () => ({ ok: false, status: 504, error: "no answer from the service" }) as Ack,
      );
  return {
    switchLayout: (layoutId) => command(events.switchLayout, { layoutId }),
    setMapView: (body) => command(events.mapView, body),
    close: () => {
      socket.removeAllListeners();
      socket.close();
    },
  };
}
