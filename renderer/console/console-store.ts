import { create } from "zustand";
import type { AlarmsStatus, ConnectedDisplay, LayoutSummary, ScheduleStatus, WallChange, WallState } from "../../electron/common/protocol.js";
import type { Role } from "./api-client.js";

const SESSION_KEY = "ioc-wall-console-session";

export interface Session {
  token: string;
  /** Known at sign-in with a password; for a token, from the service's `wall:me`. */
  name?: string;
  role?: Role;
}

export interface ConsoleState {
  session?: Session;
  /** Why the last sign-in or session ended, for the sign-in form. */
  refusal: string;
  online: boolean;
  wall?: WallState;
  /** When the current revision arrived: displays get a moment to show it before they count as behind. */
  revisionAt: number;
  displays: ConnectedDisplay[];
  layouts: LayoutSummary[];
  lastChange?: WallChange;
  schedule?: ScheduleStatus;
  alarms?: AlarmsStatus;
  /** The tile whose detail shows. */
  selectedTile?: string;
  /** The last command's error, shown until the next command. */
  message: string;
  signIn: (session: Session) => void;
  signOut: (refusal?: string) => void;
  setMe: (name: string, role: Role) => void;
  setWall: (wall: WallState) => void;
  set: (patch: Partial<Pick<ConsoleState, "online" | "displays" | "layouts" | "lastChange" | "schedule" | "alarms" | "selectedTile" | "message">>) => void;
}

function storedSession(): Session | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "null") as Session | null;
    return s && typeof s.token === "string" ? s : undefined;
  } catch {
    return undefined;
  }
}

/** One store for the console window; socket and REST handlers call its plain actions. */
export const useConsole = create<ConsoleState>((set, get) => ({
  session: storedSession(),
  refusal: "",
  online: false,
  revisionAt: 0,
  displays: [],
  layouts: [],
  message: "",
  signIn: (session) => {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    set({ session, refusal: "", message: "" });
  },
  signOut: (refusal = "") => {
    sessionStorage.removeItem(SESSION_KEY);
    set({ session: undefined, refusal, wall: undefined, online: false, selectedTile: undefined });
  },
  setMe: (name, role) => {
    const s = get().session;
    if (!s || (s.name === name && s.role === role)) return;
    const session = { ...s, name, role };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    set({ session });
  },
  setWall: (wall) => set((s) => ({ wall, ...(s.wall?.revision !== wall.revision ? { revisionAt: Date.now() } : {}) })),
  set: (patch) => set(patch),
}));

export function roleAtLeast(role: Role | undefined, needed: Role): boolean {
  const rank = { viewer: 0, operator: 1, admin: 2 } as const;
  return role !== undefined && rank[role] >= rank[needed];
}
