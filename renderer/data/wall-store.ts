import { create } from "zustand";
import type { WallState } from "../../electron/common/protocol.js";
import type { Refusal } from "./keep-connected.js";

export interface WallStoreState {
  /** The last state the service sent; kept while offline so the wall keeps its picture. */
  wall?: WallState;
  online: boolean;
  /** The briefing's position, when its deck asks to show it on the wall ("3 / 8"). */
  briefingPosition?: { index: number; count: number };
  /** The service turned this display away (and when it asks again); undefined once admitted. */
  refusal?: Refusal;
  /** Grows with every (re)connection; failed tiles retry when it changes. */
  connections: number;
  /** Messages from the service that failed their schema (shown in the display's health). */
  rejected: number;
  countRejected: () => void;
  setWall: (wall: WallState) => void;
  setOnline: (online: boolean) => void;
  setRefusal: (refusal: Refusal | undefined) => void;
  setBriefingPosition: (position: { index: number; count: number } | undefined) => void;
}

export function createWallStore() {
  return create<WallStoreState>((set) => ({
    online: false,
    connections: 0,
    rejected: 0,
    countRejected: () => set((s) => ({ rejected: s.rejected + 1 })),
    setWall: (wall) => set((s) => (s.wall && s.wall.revision === wall.revision && s.wall.layoutId === wall.layoutId ? s : { wall })),
    setBriefingPosition: (p) => set((s) => (s.briefingPosition?.index === p?.index && s.briefingPosition?.count === p?.count ? s : { briefingPosition: p })),
    setRefusal: (refusal) => set((s) => (refusal === undefined && s.refusal === undefined ? s : { refusal })),
    setOnline: (online) => set((s) => (online === s.online ? s : { online, connections: s.connections + (online ? 1 : 0) })),
  }));
}

export type WallStore = ReturnType<typeof createWallStore>;
