import type { HlsConfig } from "hls.js";

/**
 * hls.js for a wall that plays live cameras for months. Each value departs from the default for a reason.
 */
export const liveHlsConfig: Partial<HlsConfig> = {
  // The default keeps every played second in memory (Infinity): a wall dies of it within days.
  backBufferLength: 6,
  // Live pictures need a few seconds ahead, not the default 30 s (memory, and latency after a stall).
  maxBufferLength: 6,
  maxMaxBufferLength: 12,
  // A hard ceiling in bytes per player as well (default 60 MB).
  maxBufferSize: 8 * 1000 * 1000,
  // Play 3 segments behind the live edge (the default), and when more than 6 behind, jump back to it…
  liveSyncDurationCount: 3,
  liveMaxLatencyDurationCount: 6,
  // …and in between catch up smoothly by playing up to 25 % faster instead of drifting for ever.
  maxLiveSyncPlaybackRate: 1.25,
  // Transmux off the main thread, so many players do not block the page; hls.js (≥ 1.6) runs every
  // player's transmuxer in one shared worker rather than a worker per player.
  enableWorker: true,
  lowLatencyMode: false,
  // Our own recovery (camera-player.ts) decides about fatal errors; hls.js retries a few times first.
  manifestLoadPolicy: {
    default: { maxTimeToFirstByteMs: 8000, maxLoadTimeMs: 10_000, timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 1, retryDelayMs: 1000, maxRetryDelayMs: 4000 } },
  },
  playlistLoadPolicy: {
    default: { maxTimeToFirstByteMs: 8000, maxLoadTimeMs: 10_000, timeoutRetry: { maxNumRetry: 2, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 2, retryDelayMs: 1000, maxRetryDelayMs: 4000 } },
  },
  fragLoadPolicy: {
    default: { maxTimeToFirstByteMs: 8000, maxLoadTimeMs: 20_000, timeoutRetry: { maxNumRetry: 3, retryDelayMs: 0, maxRetryDelayMs: 0 }, errorRetry: { maxNumRetry: 3, retryDelayMs: 500, maxRetryDelayMs: 4000 } },
  },
};
