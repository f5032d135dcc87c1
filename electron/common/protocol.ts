import { z } from "zod";
import { camerasFileSchema, type CamerasFile } from "./cameras-file.js";
import type { FileError } from "./file-errors.js";
import { layoutIdSchema, type Layout } from "./layout.js";
import type { LocalizedText } from "./localized-text.js";
import type { MapView } from "./geo/web-mercator.js";
import { DEFAULT_WEBGL_PER_DISPLAY, type WallTopology } from "./topology.js";

/** The one contract module for REST bodies and socket events between service, displays and consoles. */

export const simulatorModes = ["normal", "paused", "malformed", "oversized"] as const;
export type SimulatorMode = (typeof simulatorModes)[number];
/** `POST /api/simulator`: make the built-in simulator misbehave (tests, drills). */
export const simulatorModeBodySchema = z.strictObject({ mode: z.enum(simulatorModes) });

export const switchLayoutBodySchema = z.strictObject({ layoutId: layoutIdSchema });
export type SwitchLayoutBody = z.infer<typeof switchLayoutBodySchema>;

/** Where a map tile looks: every window's part of a spanning map follows it together. */
export const mapViewSchema = z.strictObject({
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]),
  zoom: z.number().min(0).max(20),
  bearing: z.number().min(-180).max(180),
}) satisfies z.ZodType<MapView>;
export type { MapView };

/** Pan, zoom or turn a map tile of the current layout (missing fields keep their value), or `reset` it to the layout's view. */
export const mapViewBodySchema = z.union([
  z.strictObject({ tileId: z.string().min(1).max(64), reset: z.literal(true) }),
  z.strictObject({ tileId: z.string().min(1).max(64), ...mapViewSchema.partial().shape }),
]);
export type MapViewBody = z.infer<typeof mapViewBodySchema>;

/** A tile of the active layout shown with another widget (a camera pushed from the console). */
export const tileOverrideSchema = z.strictObject({ widget: z.string().min(1).max(64), options: z.record(z.string(), z.unknown()) });
export type TileOverride = z.infer<typeof tileOverrideSchema>;
/** `POST /api/state/overrides`: the options are checked against the widget's own schema. */
export const overrideBodySchema = z.strictObject({ tileId: z.string().min(1).max(64), ...tileOverrideSchema.shape });
/** `POST /api/schedule/pause`: hold the wall for this many minutes (default: the file's manualHoldMinutes). */
export const pauseBodySchema = z.strictObject({ minutes: z.number().min(1).max(24 * 60).optional() });
/** `schedule:step` over the socket. */
export const stepBodySchema = z.strictObject({ direction: z.union([z.literal(1), z.literal(-1)]) });
export const briefingStartBodySchema = z.strictObject({ id: z.string().min(1).max(64) });
export const briefingJumpBodySchema = z.strictObject({ index: z.number().int().min(0).max(1000) });

/** `override:clear` over the socket: one tile, or all when no tileId. */
export const clearOverrideBodySchema = z.strictObject({ tileId: z.string().min(1).max(64).optional() });

export const displayHandshakeSchema = z.object({
  displayId: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  token: z.string().max(256).optional(),
});

export const controlHandshakeSchema = z.object({ token: z.string().min(1).max(256) });

/** What a display reports about itself every few seconds (`display:health`). */
export const displayHealthSchema = z.strictObject({
  revision: z.number().int().min(0).optional(),
  tiles: z.strictObject({
    loading: z.number().int().min(0),
    ready: z.number().int().min(0),
    stale: z.number().int().min(0),
    error: z.number().int().min(0),
    offline: z.number().int().min(0),
  }),
  feed: z.strictObject({
    online: z.boolean(),
    topics: z.number().int().min(0),
    dropped: z.strictObject({ malformed: z.number().int().min(0), tooLarge: z.number().int().min(0), unknownTopic: z.number().int().min(0) }),
  }),
  /** Camera players of this window: counts, and per player its status, frame age, frames, stream and errors. */
  cameras: z
    .strictObject({
      players: z.number().int().min(0),
      hlsInstances: z.number().int().min(0),
      mediaElements: z.number().int().min(0),
      cameras: z
        .array(
          z.strictObject({
            cameraId: z.string().max(64),
            url: z.string().max(2000),
            status: z.enum(["loading", "ready", "offline", "black", "frozen"]),
            frameAgeMs: z.number().optional(),
            lastFrameAt: z.number().optional(),
            droppedFrames: z.number().int().min(0),
            decodedFrames: z.number().int().min(0),
            errors: z.number().int().min(0),
            lastError: z.string().max(500).optional(),
            recreated: z.number().int().min(0),
            tiles: z.array(z.string().max(200)).max(100),
          }),
        )
        .max(200),
    })
    .optional(),
  /** Frames the window drew per second over its last one-second sample, and its JS heap. */
  render: z.strictObject({ fps: z.number().min(0).max(1000), heapMB: z.number().min(0).optional() }).optional(),
  /** Each tile part this window shows, with its status: the console's mimic draws them. */
  tileStates: z
    .array(
      z.strictObject({
        tileId: z.string().max(64),
        widget: z.string().max(64),
        status: z.enum(["loading", "ready", "stale", "error", "offline"]),
        /** When the tile's value last changed (data widgets), epoch ms. */
        updatedAt: z.number().optional(),
        /** What the tile says when it is not ready ("Mất tín hiệu", "Dữ liệu cũ từ …"). */
        message: z.string().max(200).optional(),
        /** Camera tiles: how old the oldest picture on the tile is, in ms. */
        frameAgeMs: z.number().min(0).optional(),
      }),
    )
    .max(256)
    .optional(),
  /** WebGL contexts (maps) of this window against its budget (wall.json webglPerDisplay). */
  webgl: z
    .strictObject({
      budget: z.number().int().min(0),
      live: z.number().int().min(0),
      peak: z.number().int().min(0),
      granted: z.number().int().min(0),
      waiting: z.number().int().min(0),
    })
    .optional(),
});
export type DisplayHealth = z.infer<typeof displayHealthSchema>;

export interface ConnectedDisplay {
  displayId: string;
  /** Sockets open for this display id (a second window for the same display shows up as 2). */
  connections: number;
  since: number;
  /** The latest health report of (one of) its windows. */
  health?: DisplayHealth & { at: number };
}

/** What every display and console receives on connect and on every change (`wall:state`). */
export interface WallState {
  revision: number;
  layoutId: string;
  layout: Layout;
  topology: WallTopology;
  /** The camera catalog (cameras.json), so camera tiles resolve their ids. */
  cameras: CamerasFile;
  /** Map views set from the console for tiles of this layout; others show their layout's view. */
  mapViews: Record<string, MapView>;
  /** Tiles shown with another widget than their layout's, by tile id; `layout` already shows them. */
  overrides: Record<string, TileOverride>;
  /**
   * When the last layout switch shows, on the service's clock (epoch ms): every display swaps at
   * that instant on its own clock corrected by its offset to the service's, so all swap together.
   */
  switchAt?: number;
  /** The power schedule (schedules.json `power`) has the wall dimmed or off; absent: on. */
  power?: "dim" | "off";
}

export interface LayoutSummary {
  id: string;
  title: LocalizedText;
  /** The in-use version's grid and tile rectangles, for the console's previews. */
  grid?: { columns: number; rows: number };
  tiles?: Array<{ id: string; x: number; y: number; w: number; h: number; widget: string }>;
  /** The file currently on disk fails validation; `inUse` tells whether a last good version serves. */
  errors: FileError[];
  /**
   * What the version in use may get wrong though valid: slivers on a display, topics no source
   * publishes, cameras the catalog lacks (see layout-warnings.ts). The layout stays in use.
   */
  warnings: FileError[];
  inUse: boolean;
}

export interface ApiState {
  layoutId: string;
  revision: number;
  displays: ConnectedDisplay[];
  overrides: Record<string, TileOverride>;
  mode: "schedule" | "manual" | "briefing" | "alarm";
  next: { layoutId: string; at: number } | null;
  briefing: { id: string; index: number; count: number } | null;
  alarms: ActiveAlarm[];
  hold: { until: number } | null;
  /** When the last layout switch shows on every display (service clock, epoch ms); null before any. */
  switchAt: number | null;
}

export interface ApiError {
  error: string;
  details?: unknown;
}

/** Socket event names, one place. */
export const events = {
  state: "wall:state",
  displays: "wall:displays",
  layouts: "wall:layouts",
  switchLayout: "layout:switch",
  mapView: "map:view",
  setOverride: "override:set",
  clearOverride: "override:clear",
  undo: "undo",
  pauseSchedule: "schedule:pause",
  resumeSchedule: "schedule:resume",
  stepSchedule: "schedule:step",
  startBriefing: "briefing:start",
  stopBriefing: "briefing:stop",
  jumpBriefing: "briefing:jump",
  ackAlarm: "alarm:ack",
  lockAlarms: "alarm:lock",
  unlockAlarms: "alarm:unlock",
  alarms: "wall:alarms",
  /** To consoles and displays: the rotation's state (mode, next, briefing, hold, rule). */
  schedule: "wall:schedule",
  /** Display → service, with an ack of the service's clock (epoch ms): the display's offset estimate. */
  clockPing: "clock:ping",
  /** To a console on connect: who it is signed in as. */
  me: "wall:me",
  /** To every console: a command that changed the wall, and who gave it. */
  change: "wall:change",
  displayHealth: "display:health",
  /** Service → display, on connect: `{origins}`, every instance of this wall (WALL_PEERS), to move to when this one dies. */
  peers: "wall:peers",
  /** Service → display: send a picture of what you show ({id}). */
  displayCapture: "display:capture",
  /** Display → service: one part of that picture (base64 JPEG, in order). */
  displayCapturePart: "display:capture:part",
  /** Display → service: no picture ({id, reason}): a browser cannot capture its own screen. */
  displayCaptureFail: "display:capture:fail",
} as const;

/**
 * A display's picture travels in parts: every socket message stays under the service's 64 KiB
 * limit, and the whole is bounded (64 parts of 48 KiB of base64: about 2.3 MiB of JPEG).
 */
export const CAPTURE_PART_CHARS = 48 * 1024;
export const CAPTURE_MAX_PARTS = 64;
const captureId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const peersSchema = z.strictObject({ origins: z.array(z.string().regex(/^https?:\/\/[^/\s]+$/)).max(16) });
export const captureRequestSchema = z.strictObject({ id: captureId });
export const capturePartSchema = z.strictObject({
  id: captureId,
  index: z.number().int().min(0).max(CAPTURE_MAX_PARTS - 1),
  count: z.number().int().min(1).max(CAPTURE_MAX_PARTS),
  data: z.string().max(CAPTURE_PART_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export const captureFailSchema = z.strictObject({ id: captureId, reason: z.enum(["unsupported", "failed"]) });

/** What `GET /api/state` and every console say of the rotation (DESIGN.md: mode, next, briefing, hold). */
/** `wall:schedule` */
export interface ScheduleStatus {
  mode: "schedule" | "manual" | "briefing" | "alarm";
  next: { layoutId: string; at: number } | null;
  briefing: { id: string; index: number; count: number; title: { vi: string; en?: string | undefined }; showPosition: boolean } | null;
  hold: { until: number } | null;
  /** The rule in force, or null for the default (or no schedule). */
  rule: string | null;
  /** The briefing decks of schedules.json, for the console's start buttons. */
  decks: Array<{ id: string; title: { vi: string; en?: string | undefined }; count: number }>;
}

/** A raised alarm, unacknowledged (GET /api/state `alarms`, DESIGN.md). */
export interface ActiveAlarm {
  id: string;
  ruleId: string;
  priority: number;
  title: string;
  layoutId: string;
  raisedAt: number;
}

/** `wall:alarms` to consoles: the queue, which one holds the wall, the operator's lock. */
export interface AlarmsStatus {
  alarms: ActiveAlarm[];
  holding: string | null;
  lock: { minPriority: number; by: string } | null;
}

export const alarmLockBodySchema = z.strictObject({ minPriority: z.number().int().min(0).max(101) });
export const alarmAckBodySchema = z.strictObject({ id: z.string().min(1).max(200) });

/** `wall:change`: what changed the wall, by whom, when (an allowed audit entry). */
export const wallChangeSchema = z.object({
  at: z.number(),
  who: z.string().max(200),
  role: z.string().max(32),
  action: z.string().max(64),
  details: z.record(z.string(), z.unknown()),
  /** Told again on connecting (the wall's last change): it may repeat one told live, or come after a newer one. */
  again: z.literal(true).optional(),
});
export type WallChange = z.infer<typeof wallChangeSchema>;

export type Ack = { ok: true } | { ok: false; status: number; error: string };

const rectSize = z.object({ width: z.number().positive(), height: z.number().positive() });

/** Displays check what they receive too: a state that fails this is refused and the last good one stays. */
export const wallStateSchema = z.object({
  revision: z.number().int().min(0),
  layoutId: z.string(),
  layout: z.object({
    id: z.string(),
    title: z.object({ vi: z.string(), en: z.string().optional() }),
    grid: z.object({ columns: z.number().int().positive(), rows: z.number().int().positive() }),
    tiles: z.array(
      z.object({
        id: z.string(),
        x: z.number().int().min(0),
        y: z.number().int().min(0),
        w: z.number().int().positive(),
        h: z.number().int().positive(),
        widget: z.string(),
        title: z.object({ vi: z.string(), en: z.string().optional() }).optional(),
        options: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
  topology: z.object({
    columns: z.number().int().positive(),
    rows: z.number().int().positive(),
    display: rectSize,
    bezel: z.object({ x: z.number().min(0), y: z.number().min(0) }),
    displays: z.array(z.object({ id: z.string(), col: z.number().int().min(0), row: z.number().int().min(0), output: z.union([z.number().int(), z.string().max(120)]).optional() })),
    canvas: rectSize,
    startLayout: z.string().optional(),
    webglPerDisplay: z.number().int().min(1).default(DEFAULT_WEBGL_PER_DISPLAY),
  }),
  cameras: camerasFileSchema,
  mapViews: z.record(z.string(), mapViewSchema).default({}),
  overrides: z.record(z.string(), tileOverrideSchema).default({}),
  switchAt: z.number().optional(),
  power: z.enum(["dim", "off"]).optional(),
});
