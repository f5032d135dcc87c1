import Hls, { ErrorTypes, Events, type ErrorData } from "hls.js";
import { serviceAddress } from "../../data/service-address.js";
import { liveHlsConfig } from "./live-config.js";
import { PictureJudge, SAMPLE_HEIGHT, SAMPLE_WIDTH, type PictureVerdict } from "./picture-check.js";

/** `black` and `frozen`: frames arrive, but the pixels show nothing, or the same picture on and on. */
export type PlayerStatus = "loading" | "ready" | "offline" | "black" | "frozen";
/** How often a playing picture is copied small and judged. */
const PICTURE_SAMPLE_MS = 2000;

export interface PlayerStats {
  cameraId: string;
  url: string;
  status: PlayerStatus;
  /** Milliseconds since the picture last advanced; undefined before the first frame. */
  frameAgeMs?: number;
  lastFrameAt?: number;
  droppedFrames: number;
  decodedFrames: number;
  errors: number;
  lastError?: string;
  recreated: number;
}

/** Live hls.js instances in this window (a leak shows here first). */
export const hlsInstances = { count: 0 };

const MEDIA_RECOVERY_GAP_MS = 5000;

/** `?hls=default` runs hls.js at its default configuration: only for the side-by-side benchmark. */
function hlsConfig() {
  return new URLSearchParams(window.location.search).get("hls") === "default" ? {} : liveHlsConfig;
}

/**
 * One camera stream in one <video>: plays it, judges freshness by the frames actually presented
 * (requestVideoFrameCallback), and heals — retries with backoff and jitter, recoverMediaError for
 * media errors at most once per 5 s, and a full re-create as the last resort.
 */
export class CameraPlayer {
  readonly video: HTMLVideoElement;
  private hls: Hls | undefined;
  private status: PlayerStatus = "loading";
  private lastFrameAt: number | undefined;
  private lastMediaTime = -1;
  private lastMediaRecovery = 0;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setInterval>;
  private frameCallback: number | undefined;
  private readonly listeners = new Set<() => void>();
  private loading = true;
  private destroyed = false;
  private offlineSince: number | undefined;
  private readonly startedAt = Date.now();
  private readonly judge = new PictureJudge();
  /** The tiny canvas the picture is judged on; null where the page may not read it. */
  private sampler: CanvasRenderingContext2D | null | undefined;
  private sampledAt = 0;
  private verdict: PictureVerdict = "ok";
  readonly stats: PlayerStats;

  constructor(
    readonly cameraId: string,
    readonly url: string,
    private readonly frameTimeoutMs: number,
  ) {
    this.stats = { cameraId, url, status: "loading", droppedFrames: 0, decodedFrames: 0, errors: 0, recreated: 0 };
    const v = document.createElement("video");
    v.muted = true;
    v.playsInline = true;
    v.autoplay = true;
    v.disablePictureInPicture = true;
    v.setAttribute("data-camera-id", cameraId);
    this.video = v;
    this.create();
    this.watchFrames();
    this.watchdog = setInterval(() => this.check(), 1000);
  }

  get currentStatus(): PlayerStatus {
    return this.status;
  }

  get frameTime(): number | undefined {
    return this.lastFrameAt;
  }

  /** The wall-clock time of the picture on screen (EXT-X-PROGRAM-DATE-TIME), when the stream gives it. */
  get pictureDate(): Date | undefined {
    return this.hls?.playingDate ?? undefined;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tiles that are not visible stop loading; they resume at the live edge. */
  setLoading(on: boolean): void {
    if (on === this.loading || this.destroyed) return;
    this.loading = on;
    if (on) {
      this.hls?.startLoad(-1);
      void this.video.play().catch(() => undefined);
    } else {
      this.hls?.stopLoad();
      this.video.pause();
    }
  }

  destroy(): void {
    this.destroyed = true;
    clearInterval(this.watchdog);
    clearTimeout(this.retryTimer);
    if (this.frameCallback !== undefined) this.video.cancelVideoFrameCallback?.(this.frameCallback);
    this.teardownHls();
    this.video.removeAttribute("src");
    this.video.load();
    this.video.remove();
    this.listeners.clear();
  }

  private create(): void {
    this.teardownHls();
    if (!Hls.isSupported()) {
      // A browser that plays HLS natively (Safari) needs no hls.js.
      this.video.src = serviceAddress(this.url);
      return;
    }
    const hls = new Hls(hlsConfig());
    hlsInstances.count += 1;
    this.hls = hls;
    hls.on(Events.MANIFEST_PARSED, () => void this.video.play().catch(() => undefined));
    hls.on(Events.FRAG_BUFFERED, () => {
      this.retries = 0;
    });
    hls.on(Events.ERROR, (_e, data) => this.onError(data));
    // Each (re)load from where the service is now: a demo stream's instance may have died since.
    hls.loadSource(serviceAddress(this.url));
    hls.attachMedia(this.video);
    if (!this.loading) hls.stopLoad();
  }

  private teardownHls(): void {
    if (!this.hls) return;
    this.hls.destroy();
    this.hls = undefined;
    hlsInstances.count -= 1;
  }

  private onError(data: ErrorData): void {
    if (!data.fatal) return;
    this.stats.errors += 1;
    this.stats.lastError = `${data.type}: ${data.details}`;
    const now = performance.now();
    if (data.type === ErrorTypes.MEDIA_ERROR && now - this.lastMediaRecovery > MEDIA_RECOVERY_GAP_MS) {
      this.lastMediaRecovery = now;
      this.hls?.recoverMediaError();
      return;
    }
    this.scheduleRecreate();
  }

  /** Exponential backoff from 1 s to 30 s, with ±30 % jitter so a wall of cameras does not retry in step. */
  private scheduleRecreate(): void {
    if (this.retryTimer || this.destroyed) return;
    const base = Math.min(30_000, 1000 * 2 ** this.retries);
    const delay = base * (0.7 + Math.random() * 0.6);
    this.retries += 1;
    this.teardownHls();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.stats.recreated += 1;
      this.create();
    }, delay);
  }

  /** Every 2 s while frames arrive: a 32×18 copy of the picture, judged black, frozen or fine. */
  private judgePicture(now: number): PictureVerdict {
    if (now - this.sampledAt < PICTURE_SAMPLE_MS) return this.verdict;
    this.sampledAt = now;
    if (this.sampler === undefined) {
      const canvas = document.createElement("canvas");
      canvas.width = SAMPLE_WIDTH;
      canvas.height = SAMPLE_HEIGHT;
      this.sampler = canvas.getContext("2d", { willReadFrequently: true });
    }
    if (!this.sampler || this.video.videoWidth === 0) return this.verdict;
    try {
      this.sampler.drawImage(this.video, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
      this.verdict = this.judge.add(this.sampler.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT).data, now);
    } catch {
      // A picture this page may not read: judged by its frames alone from now on.
      this.sampler = null;
    }
    return this.verdict;
  }

  /** Freshness from the pixels: each presented frame is a sign of life, nothing else is. */
  private watchFrames(): void {
    const v: HTMLVideoElement = this.video;
    if (typeof v.requestVideoFrameCallback === "function") {
      const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
        if (this.destroyed) return;
        if (meta.mediaTime !== this.lastMediaTime) {
          this.lastMediaTime = meta.mediaTime;
          this.lastFrameAt = Date.now();
        }
        this.frameCallback = v.requestVideoFrameCallback(onFrame);
      };
      this.frameCallback = v.requestVideoFrameCallback(onFrame);
    } else {
      (v as HTMLMediaElement).addEventListener("timeupdate", () => {
        if (v.currentTime !== this.lastMediaTime) {
          this.lastMediaTime = v.currentTime;
          this.lastFrameAt = Date.now();
        }
      });
    }
  }

  private check(): void {
    const now = Date.now();
    const quality = this.video.getVideoPlaybackQuality?.();
    if (quality) {
      this.stats.droppedFrames = quality.droppedVideoFrames;
      this.stats.decodedFrames = quality.totalVideoFrames;
    }
    const age = this.lastFrameAt === undefined ? undefined : now - this.lastFrameAt;
    let next: PlayerStatus;
    if (!this.loading) next = this.status;
    else if (age !== undefined && age <= this.frameTimeoutMs) next = "ready";
    // Before the first frame: loading, unless it takes too long or the stream already failed (a 404).
    else if (age === undefined && this.stats.errors === 0 && now - this.startedAt < this.frameTimeoutMs * 2) next = "loading";
    else next = "offline";
    if (next === "ready") {
      const verdict = this.judgePicture(now);
      if (verdict !== "ok") next = verdict;
    } else if (next !== this.status || next === "offline") {
      this.judge.reset();
      this.verdict = "ok";
    }
    if (next === "offline") {
      this.offlineSince ??= now;
      // Pictures gone with no fatal error (a frozen playlist, a stalled decoder): start again, with backoff.
      if (now - this.offlineSince > this.frameTimeoutMs * 2 && !this.retryTimer) {
        this.offlineSince = now;
        this.scheduleRecreate();
      }
    } else this.offlineSince = undefined;
    Object.assign(this.stats, { status: next, frameAgeMs: age, lastFrameAt: this.lastFrameAt });
    if (next !== this.status) {
      this.status = next;
      for (const l of this.listeners) l();
    }
  }
}
