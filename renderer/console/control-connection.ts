import { io, type Socket } from "socket.io-client";
import { measureOffset } from "../data/clock-offset.js";
import type { ServiceFailover } from "../data/service-failover.js";
import { events, peersSchema, wallChangeSchema, wallStateSchema, type Ack, type ConnectedDisplay, type LayoutSummary, type MapViewBody, type AlarmsStatus, type ScheduleStatus, type WallChange, type WallState } from "../../electron/common/protocol.js";

export interface ControlHandlers {
  onState: (state: WallState) => void;
  onDisplays: (displays: ConnectedDisplay[]) => void;
  onLayouts: (layouts: LayoutSummary[]) => void;
  onOnline: (online: boolean) => void;
  onMe: (me: { name: string; role: string }) => void;
  /** The service's clock minus this machine's: reports are dated by the service. */
  onClockOffset: (offsetMs: number) => void;
  onChange: (change: WallChange) => void;
  onSchedule: (status: ScheduleStatus) => void;
  onAlarms: (status: AlarmsStatus) => void;
  /** The service refused the credential (or ended the session): stop and ask for another. */
  onRefused: (reason: string) => void;
}

export interface ControlConnection {
  switchLayout: (layoutId: string) => Promise<Ack>;
  setMapView: (body: MapViewBody) => Promise<Ack>;
  setOverride: (tileId: string, widget: string, options: Record<string, unknown>) => Promise<Ack>;
  clearOverride: (tileId?: string) => Promise<Ack>;
  undo: () => Promise<Ack>;
  pause: (minutes?: number) => Promise<Ack>;
  resume: () => Promise<Ack>;
  step: (direction: 1 | -1) => Promise<Ack>;
  startBriefing: (id: string) => Promise<Ack>;
  jumpBriefing: (index: number) => Promise<Ack>;
  stopBriefing: () => Promise<Ack>;
  ackAlarm: (id: string) => Promise<Ack>;
  lockAlarms: (minPriority: number) => Promise<Ack>;
  unlockAlarms: () => Promise<Ack>;
  close: () => void;
}

/**
 * The console's socket. With several instances of the wall (`failover` learns them from the
 * service), it moves to another when its own has been gone a few seconds, as displays do; what the
 * console shows stays meanwhile, and the new instance sends the wall as it is on connect.
 */
export function connectControl(token: string, handlers: ControlHandlers, failover: ServiceFailover): ControlConnection {
  let socket = open(failover.current);
  const stopMoving = failover.onMove((origin) => {
    socket.removeAllListeners();
    socket.close();
    socket = open(origin);
  });

  function open(origin: string): Socket {
    const socket: Socket = io(`${origin}/control`, { auth: { token }, transports: ["websocket"], reconnectionDelayMax: 10_000 });
    socket.on("connect", () => {
      failover.connected();
      handlers.onOnline(true);
      void measureOffset(socket).then((offset) => offset !== undefined && handlers.onClockOffset(offset));
    });
    socket.on(events.peers, (payload: unknown) => {
      const parsed = peersSchema.safeParse(payload);
      if (parsed.success) failover.learn(parsed.data.origins);
    });
    socket.on("disconnect", (reason) => {
      handlers.onOnline(false);
      // The service closed it on purpose: an account deleted, a session ended, a token revoked.
      if (reason === "io server disconnect") {
        socket.close();
        handlers.onRefused("unauthorized");
      } else failover.lost();
    });
    socket.on("connect_error", (err: Error) => {
      handlers.onOnline(false);
      // A refusal comes from the service's middleware (socket.active is false); transport errors are
      // retried by socket.io itself, and after a while on another instance.
      if (!socket.active) {
        socket.close();
        handlers.onRefused(err.message);
      } else failover.lost();
    });
    socket.on(events.state, (payload: unknown) => {
      const parsed = wallStateSchema.safeParse(payload);
      if (parsed.success) handlers.onState(parsed.data);
    });
    socket.on(events.displays, (d: ConnectedDisplay[]) => handlers.onDisplays(Array.isArray(d) ? d : []));
    socket.on(events.layouts, (l: LayoutSummary[]) => handlers.onLayouts(Array.isArray(l) ? l : []));
    socket.on(events.me, (me: { name?: unknown; role?: unknown }) => {
      if (typeof me?.name === "string" && typeof me.role === "string") handlers.onMe({ name: me.name, role: me.role });
    });
    socket.on(events.alarms, (status: AlarmsStatus) => {
      if (status && Array.isArray(status.alarms)) handlers.onAlarms(status);
    });
    socket.on(events.schedule, (status: ScheduleStatus) => {
      if (status && typeof status.mode === "string") handlers.onSchedule(status);
    });
    socket.on(events.change, (c: unknown) => {
      const parsed = wallChangeSchema.safeParse(c);
      if (parsed.success) handlers.onChange(parsed.data);
    });
    return socket;
  }

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
    setOverride: (tileId, widget, options) => command(events.setOverride, { tileId, widget, options }),
    clearOverride: (tileId) => command(events.clearOverride, tileId ? { tileId } : {}),
    undo: () => command(events.undo, {}),
    pause: (minutes) => command(events.pauseSchedule, minutes ? { minutes } : {}),
    resume: () => command(events.resumeSchedule, {}),
    step: (direction) => command(events.stepSchedule, { direction }),
    startBriefing: (id) => command(events.startBriefing, { id }),
    jumpBriefing: (index) => command(events.jumpBriefing, { index }),
    stopBriefing: () => command(events.stopBriefing, {}),
    ackAlarm: (id) => command(events.ackAlarm, { id }),
    lockAlarms: (minPriority) => command(events.lockAlarms, { minPriority }),
    unlockAlarms: () => command(events.unlockAlarms, {}),
    close: () => {
      stopMoving();
      failover.connected();
      socket.removeAllListeners();
      socket.close();
    },
  };
}
