import { z } from "zod";
import { displayHandshakeSchema } from "../../common/protocol.js";
import { JPEG_MAGIC, type CaptureOutcome, type DisplayCaptures } from "../display-captures.js";
import type { Logger } from "../log.js";
import { PendingReplies } from "./pending-replies.js";
import { parseMessage, REDIS_PREFIX, SHARED_STORE_DOWN, type RedisLink } from "./redis-link.js";
import type { SharedDisplays } from "./shared-displays.js";

const REQUESTS = `${REDIS_PREFIX}capture:`;
const REPLIES = `${REDIS_PREFIX}capture-reply:`;
/** Longer than a display's own 10 s, so that the display's answer (its 504 among them) comes first. */
const TIMEOUT_MS = 12_000;
/** Requests of this instance waiting for another's answer at once; beyond, a clear 503. */
const MAX_PENDING = 32;

const captureId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);
const requestSchema = z.strictObject({ id: captureId, displayId: displayHandshakeSchema.shape.displayId, replyTo: z.string().min(1).max(64) });
const replySchema = z.discriminatedUnion("ok", [
  // A full-HD JPEG is a few hundred KiB; 16 MiB of base64 is far past any.
  z.strictObject({ id: captureId, ok: z.literal(true), at: z.number(), jpeg: z.string().max(16 * 1024 * 1024) }),
  z.strictObject({ id: captureId, ok: z.literal(false), status: z.union([z.literal(501), z.literal(502), z.literal(503), z.literal(504)]), error: z.string().max(500) }),
]);

/**
 * Remote screenshots across instances: a console asks its instance for a display connected to
 * another; the request goes to that instance through Redis, which captures as it would for its own
 * console and sends the picture (or why there is none) back. Everything read from Redis is parsed
 * and a picture checked to be a JPEG before it is served.
 */
export class SharedCaptures {
  private readonly pending = new PendingReplies<CaptureOutcome>(MAX_PENDING, TIMEOUT_MS);

  constructor(
    private readonly link: RedisLink,
    private readonly captures: DisplayCaptures,
    private readonly displays: SharedDisplays,
    private readonly instanceId: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.link.subscriber.subscribe(REQUESTS + this.instanceId, REPLIES + this.instanceId);
    this.link.subscriber.on("message", this.onMessage);
    this.captures.elsewhere = (displayId) => {
      const owner = this.displays.instanceOf(displayId);
      return owner ? this.ask(owner, displayId) : undefined;
    };
  }

  close(): void {
    this.captures.elsewhere = undefined;
    this.link.subscriber.off("message", this.onMessage);
    this.pending.close({ ok: false, status: 503, error: "the service is stopping" });
  }

  private async ask(owner: string, displayId: string): Promise<CaptureOutcome> {
    if (!this.link.up) return { ok: false, status: 503, error: SHARED_STORE_DOWN };
    const request = this.pending.open({ ok: false, status: 504, error: `the instance display ${displayId} is connected to sent no picture within ${TIMEOUT_MS / 1000} s` });
    if (!request) return { ok: false, status: 503, error: "too many screenshots asked of other instances at once; try again in a moment" };
    const { id, reply } = request;
    try {
      const heard = await this.link.client.publish(REQUESTS + owner, JSON.stringify({ id, displayId, replyTo: this.instanceId }));
      if (heard === 0) this.pending.settle(id, { ok: false, status: 503, error: `the instance display ${displayId} was connected to does not answer` });
    } catch {
      this.pending.settle(id, { ok: false, status: 503, error: SHARED_STORE_DOWN });
    }
    return reply;
  }

  private readonly onMessage = (channel: string, message: string) => {
    if (channel === REQUESTS + this.instanceId) this.answer(message);
    else if (channel === REPLIES + this.instanceId) this.take(message);
  };

  /** Another instance's console asked for one of this instance's displays. */
  private answer(message: string): void {
    const request = parseMessage(requestSchema, message);
    if (!request) return this.log("warn", "a screenshot request from another instance does not parse; ignored");
    // Only this instance's own displays: never passed on again.
    void this.captures.capture(request.displayId, true).then((o) => {
      const reply = o.ok ? { id: request.id, ok: true, at: o.at, jpeg: o.jpeg.toString("base64") } : { id: request.id, ok: false, status: o.status, error: o.error };
      this.link.client.publish(REPLIES + request.replyTo, JSON.stringify(reply)).catch(() => undefined);
    });
  }

  private take(message: string): void {
    const reply = parseMessage(replySchema, message, 17 * 1024 * 1024);
    if (!reply) return this.log("warn", "a screenshot from another instance does not parse; ignored");
    if (!reply.ok) return this.pending.settle(reply.id, { ok: false, status: reply.status, error: reply.error });
    const jpeg = Buffer.from(reply.jpeg, "base64");
    this.pending.settle(reply.id, jpeg.subarray(0, 3).equals(JPEG_MAGIC) ? { ok: true, jpeg, at: reply.at } : { ok: false, status: 502, error: "another instance sent a picture that is not a JPEG" });
  }
}
