/** Electron's Display reduced to what the mapping needs, so the logic is tested with object literals. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  id: number;
  bounds: Bounds;
  scaleFactor: number;
  label?: string;
}
