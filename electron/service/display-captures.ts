import { randomBytes } from "node:crypto";
import { captureFailSchema, capturePartSchema } from "../common/protocol.js";

/** A display's picture, or why there is none (an HTTP status and a message an operator can act on). */
export type CaptureOutcome = { ok: true; jpeg: Buffer; at: number } | { ok: false; status: 501 | 502 | 503 | 504; error: string };

interface Pending {
  id: string;
  displayId: string;
  socketId: string;
  parts: string[];
  count: number | undefined;
  timer: NodeJS.Timeout;
  done: (outcome: CaptureOutcome) => void;
  promise: Promise<CaptureOutcome>;
}

export const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const RECENT_MS = 1000;

/**
 * Remote screenshots: the service asks one display socket for a picture of what it shows and
 * reassembles the parts it sends back. A display answers only the request it was sent (a part
 * for another id, or from another socket, is counted and dropped), one request per display is in
 * flight at a time (a second asker shares it), and every request ends: with the picture, the
 * display's refusal (a browser cannot capture itself), its disconnection, or a timeout.
 */
export class DisplayCaptures {
  /** Display id → its sockets (socket id → ask), the latest connected last. */
  private readonly sockets = new Map<string, Map<string, (id: string) => void>>();
  private readonly pending = new Map<string, Pending>();
  /** The last picture of each display, given again to askers within RECENT_MS: a console that asks in a loop costs the controller one capture a second at most. */
  private readonly recent = new Map<string, { jpeg: Buffer; at: number }>();
  /** Several instances: asks the instance a display is connected to, when it is not connected here (undefined: none has it). */
  elsewhere: ((displayId: string) => Promise<CaptureOutcome> | undefined) | undefined;

  constructor(
    private readonly onRejected: () => void,
    private readonly timeoutMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  attach(displayId: string, socketId: string, ask: (id: string) => void): void {
    const of = this.sockets.get(displayId) ?? new Map<string, (id: string) => void>();
    of.set(socketId, ask);
    this.sockets.set(displayId, of);
  }

  detach(displayId: string, socketId: string): void {
    const of = this.sockets.get(displayId);
    of?.delete(socketId);
    if (of?.size === 0) {
      this.sockets.delete(displayId);
      this.recent.delete(displayId);
    }
    for (const p of this.pending.values()) if (p.socketId === socketId) this.finish(p, { ok: false, status: 503, error: `display ${displayId} disconnected before its picture arrived` });
  }

  /** `hereOnly`: not asked of another instance (a request that came from one). */
  capture(displayId: string, hereOnly = false): Promise<CaptureOutcome> {
    const recent = this.recent.get(displayId);
    if (recent && this.now() - recent.at < RECENT_MS) return Promise.resolve({ ok: true, ...recent });
    const shared = [...this.pending.values()].find((p) => p.displayId === displayId);
    if (shared) return shared.promise;
    const latest = [...(this.sockets.get(displayId) ?? new Map<string, (id: string) => void>())].at(-1);
    if (!latest) return (hereOnly ? undefined : this.elsewhere?.(displayId)) ?? Promise.resolve({ ok: false, status: 503, error: `display ${displayId} is not connected to this instance of the service` });
    const [socketId, ask] = latest;
    const id = randomBytes(12).toString("base64url");
    let done!: (outcome: CaptureOutcome) => void;
    const promise = new Promise<CaptureOutcome>((resolve) => (done = resolve));
    const timer = setTimeout(() => this.finish(p, { ok: false, status: 504, error: `display ${displayId} sent no picture within ${Math.round(this.timeoutMs / 1000)} s` }), this.timeoutMs);
    const p: Pending = { id, displayId, socketId, parts: [], count: undefined, timer, done, promise };
    this.pending.set(id, p);
    ask(id);
    return promise;
  }

  /** `display:capture:part` from a socket: in order, the count fixed by the first part. */
  part(socketId: string, payload: unknown): void {
    const parsed = capturePartSchema.safeParse(payload);
    const p = parsed.success ? this.pending.get(parsed.data.id) : undefined;
    if (!parsed.success || !p || p.socketId !== socketId) return this.onRejected();
    const { index, count, data } = parsed.data;
    if (index !== p.parts.length || (p.count !== undefined && count !== p.count)) {
      this.onRejected();
      return this.finish(p, { ok: false, status: 502, error: `display ${p.displayId} sent its picture out of order` });
    }
    p.count = count;
    p.parts.push(data);
    if (p.parts.length < count) return;
    const jpeg = Buffer.from(p.parts.join(""), "base64");
    if (jpeg.subarray(0, 3).equals(JPEG_MAGIC)) {
      const at = this.now();
      this.recent.set(p.displayId, { jpeg, at });
      this.finish(p, { ok: true, jpeg, at });
    }
    else {
      this.onRejected();
      this.finish(p, { ok: false, status: 502, error: `display ${p.displayId} sent a picture that is not a JPEG` });
    }
  }

  /** `display:capture:fail`: the display cannot, or its capture failed. */
  fail(socketId: string, payload: unknown): void {
    const parsed = captureFailSchema.safeParse(payload);
    const p = parsed.success ? this.pending.get(parsed.data.id) : undefined;
    if (!parsed.success || !p || p.socketId !== socketId) return this.onRejected();
    this.finish(
      p,
      parsed.data.reason === "unsupported"
        ? { ok: false, status: 501, error: `display ${p.displayId} runs in a browser, which cannot capture its own screen; the Electron controller can` }
        : { ok: false, status: 502, error: `display ${p.displayId} could not capture its window` },
    );
  }

  close(): void {
    for (const p of this.pending.values()) this.finish(p, { ok: false, status: 503, error: "the service is stopping" });
    this.sockets.clear();
    this.recent.clear();
  }

  private finish(p: Pending, outcome: CaptureOutcome): void {
    if (this.pending.get(p.id) !== p) return;
    this.pending.delete(p.id);
    clearTimeout(p.timer);
    p.done(outcome);
  }
}
