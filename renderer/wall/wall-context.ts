import { createContext, useContext } from "react";
import { emptyCatalog, type CamerasFile } from "../../electron/common/cameras-file.js";
import type { MapView } from "../../electron/common/protocol.js";

export interface WallContextValue {
  cameras: CamerasFile;
  /** Device pixels per display pixel in this window (window scale × devicePixelRatio). */
  deviceScale: number;
  /** Views the console set for map tiles of the current layout, by tile id. */
  mapViews: Record<string, MapView>;
  /** The wall's bezels, in display pixels: a map's labels in one are drawn by the nearer display. */
  bezel: { x: number; y: number };
}

export const WallContext = createContext<WallContextValue>({ cameras: emptyCatalog, deviceScale: 1, mapViews: {}, bezel: { x: 0, y: 0 } });
export const TileIdContext = createContext<string>("");
/** True in a tile mounted off screen ahead of a switch. */
export const PreparingContext = createContext<boolean>(false);

export function useWallContext(): WallContextValue {
  return useContext(WallContext);
}

export function useTileId(): string {
  return useContext(TileIdContext);
}

export function usePreparing(): boolean {
  return useContext(PreparingContext);
}
