import { createContext, useContext } from "react";
import { emptyCatalog, type CamerasFile } from "../../electron/common/cameras-file.js";

export interface WallContextValue {
  cameras: CamerasFile;
  /** Device pixels per display pixel in this window (window scale × devicePixelRatio). */
  deviceScale: number;
}

export const WallContext = createContext<WallContextValue>({ cameras: emptyCatalog, deviceScale: 1 });
export const TileIdContext = createContext<string>("");

export function useWallContext(): WallContextValue {
  return useContext(WallContext);
}

export function useTileId(): string {
  return useContext(TileIdContext);
}
