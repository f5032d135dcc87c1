import { z } from "zod";
import type { AlarmDesk } from "../alarms/alarm-desk.js";
import type { Logger } from "../log.js";
import { throttle } from "../throttle.js";
import { parseMessage, REDIS_PREFIX, type RedisLink } from "./redis-link.js";

const KEY = `${REDIS_PREFIX}alarm-watches`;

const memorySchema = z
  .array(
    z.strictObject({
      rule: z.string().max(20_000),
      memory: z.strictObject({ seen: z.array(z.string().max(500)).max(1000), over: z.boolean(), down: z.array(z.string().max(500)).max(10_000), primed: z.boolean() }),
    }),
  )
  .max(1000);

/**
 * The alarm rules' memory, handed from one leading instance to the next: the leader keeps what its
 * watches remember in Redis (at most once a second), and an instance that takes the lead starts its
 * watches from it. Without it, a new leader would take the first value it sees as the baseline: an
 * event that came while the lead was changing hands would raise nothing (a lost alarm), and a number
 * still over its line would raise again an alarm an operator had acknowledged.
 */
export class SharedWatches {
  private readonly told = throttle(() => void this.save(), 1000);

  constructor(
    private readonly link: RedisLink,
    private readonly desk: AlarmDesk,
    private readonly log: Logger,
  ) {
    desk.on("watched", this.onWatched);
  }

  /** Before this instance's desk starts as the leader: the memory the former one left, if any. */
  async inherit(): Promise<void> {
    const raw = await this.link.client.get(KEY);
    if (raw === null) return;
    const memory = parseMessage(memorySchema, raw);
    if (memory) this.desk.inherit(memory);
    else this.log("warn", "the alarm rules' shared memory does not parse; the rules start afresh");
  }

  /** Saves at once what the watches took since the last save (a leader leaving hands over its last second too). */
  async flush(): Promise<void> {
    this.told.cancel();
    if (this.unsaved) await this.save();
  }

  close(): void {
    this.told.cancel();
    this.desk.off("watched", this.onWatched);
  }

  /** Only the leading desk's watches take values: a follower never has anything to save. */
  private unsaved = false;

  private readonly onWatched = () => {
    this.unsaved = true;
    this.told.call();
  };

  private async save(): Promise<void> {
    this.unsaved = false;
    await this.link.client.set(KEY, JSON.stringify(this.desk.watchMemory())).catch(() => undefined); // Redis away: the next change tries again
  }
}
