import { CameraPlayer, hlsInstances, type PlayerStats } from "./camera-player.js";

interface Entry {
  player: CameraPlayer;
  users: number;
  tiles: Set<string>;
  destroyTimer?: ReturnType<typeof setTimeout>;
}

/** How long a player nobody shows is kept, so that a camera coming back at once keeps its picture. */
export const POOL_GRACE_MS = 5000;

/**
 * The players of one window, keyed by camera and stream. A camera that stays on screen across a
 * layout switch keeps its player, video element and buffer; a player nobody uses is destroyed
 * after a short grace. The count of players (and so of media elements and hls.js instances) is
 * bounded by what is on screen, however many switches happen.
 */
export class PlayerPool {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly graceMs = POOL_GRACE_MS) {
    document.addEventListener("visibilitychange", this.onVisibility);
  }

  acquire(tileId: string, cameraId: string, url: string, frameTimeoutMs: number): CameraPlayer {
    const key = `${cameraId}|${url}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { player: new CameraPlayer(cameraId, url, frameTimeoutMs), users: 0, tiles: new Set() };
      this.entries.set(key, entry);
    }
    clearTimeout(entry.destroyTimer);
    entry.destroyTimer = undefined;
    entry.users += 1;
    entry.tiles.add(tileId);
    entry.player.setLoading(document.visibilityState !== "hidden");
    return entry.player;
  }

  release(tileId: string, player: CameraPlayer): void {
    const key = `${player.cameraId}|${player.url}`;
    const entry = this.entries.get(key);
    if (!entry || entry.player !== player) return;
    entry.users -= 1;
    entry.tiles.delete(tileId);
    if (entry.users > 0) return;
    entry.destroyTimer = setTimeout(() => {
      this.entries.delete(key);
      entry.player.destroy();
    }, this.graceMs);
  }

  stats(): { players: number; hlsInstances: number; mediaElements: number; cameras: Array<PlayerStats & { tiles: string[] }> } {
    return {
      players: this.entries.size,
      hlsInstances: hlsInstances.count,
      mediaElements: this.entries.size,
      cameras: [...this.entries.values()].map((e) => ({ ...e.player.stats, tiles: [...e.tiles] })),
    };
  }

  private readonly onVisibility = () => {
    const visible = document.visibilityState !== "hidden";
    for (const e of this.entries.values()) e.player.setLoading(visible && e.users > 0);
  };
}

export const playerPool = new PlayerPool();
