import { create } from "zustand";
import type { WallState } from "../../electron/common/protocol.js";
import { receiveState } from "../../electron/common/switching.js";
import type { Refusal } from "./keep-connected.js";

export interface WallStoreState {
  /** The state on screen; kept while offline so the wall keeps its picture. */
  wall?: WallState;
  /** Another layout the service switched to, mounted off screen until its `switchAt`. */
  pending?: WallState;
  /** The service's clock minus this one (ms), measured over the socket on each connect. */
  clockOffset: number;
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
  /** A state from the service: shown at once, or prepared off screen when it is another layout. */
  receive: (wall: WallState) => void;
  /** The prepared layout goes on screen. */
  swap: () => void;
  setClockOffset: (offset: number) => void;
  setOnline: (online: boolean) => void;
  setRefusal: (refusal: Refusal | undefined) => void;
  setBriefingPosition: (position: { index: number; count: number } | undefined) => void;
}

export function createWallStore() {
  return create<WallStoreState>((set) => ({
    online: false,
    connections: 0,
    rejected: 0,
    clockOffset: 0,
    countRejected: () => set((s) => ({ rejected: s.rejected + 1 })),
    receive: (incoming) =>
      set((s) => {
        const { shown, pending } = receiveState(s.wall, s.pending, incoming);
        return shown === s.wall && pending === s.pending ? s : { wall: shown, pending };
      }),
    swap: () => set((s) => (s.pending ? { wall: s.pending, pending: undefined } : s)),
    setClockOffset: (clockOffset) => set({ clockOffset }),
    setBriefingPosition: (p) => set((s) => (s.briefingPosition?.index === p?.index && s.briefingPosition?.count === p?.count ? s : { briefingPosition: p })),
    setRefusal: (refusal) => set((s) => (refusal === undefined && s.refusal === undefined ? s : { refusal })),
    setOnline: (online) => set((s) => (online === s.online ? s : { online, connections: s.connections + (online ? 1 : 0) })),
  }));
}

export type WallStore = ReturnType<typeof createWallStore>;
