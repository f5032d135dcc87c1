import { create } from "zustand";
import type { WallState } from "../../electron/common/protocol.js";

export interface WallStoreState {
  /** The last state the service sent; kept while offline so the wall keeps its picture. */
  wall?: WallState;
  online: boolean;
  /** Grows with every (re)connection; failed tiles retry when it changes. */
  connections: number;
  /** Messages from the service that failed their schema (shown in the display's health). */
  rejected: number;
  countRejected: () => void;
  setWall: (wall: WallState) => void;
  setOnline: (online: boolean) => void;
}

export function createWallStore() {
  return create<WallStoreState>((set) => ({
    online: false,
    connections: 0,
    rejected: 0,
    countRejected: () => set((s) => ({ rejected: s.rejected + 1 })),
    setWall: (wall) => set((s) => (s.wall && s.wall.revision === wall.revision && s.wall.layoutId === wall.layoutId ? s : { wall })),
    setOnline: (online) => set((s) => (online === s.online ? s : { online, connections: s.connections + (online ? 1 : 0) })),
  }));
}

export type WallStore = ReturnType<typeof createWallStore>;
