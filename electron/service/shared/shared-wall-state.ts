import type { Logger } from "../log.js";
import { sharedWallStateSchema, type SharedWallState as SharedState, type WallStateHolder } from "../wall-state.js";
import { REDIS_PREFIX, type RedisLink } from "./redis-link.js";

const KEY = `${REDIS_PREFIX}wall-state`;
const CHANNEL = `${REDIS_PREFIX}wall-state`;

/**
 * Stores a state only if it is newer than the stored one (revision, then the writer's id), and
 * tells every instance: one atomic step, so two instances writing at once leave the same winner
 * in Redis and on every wall. Returns 0 when the stored state was newer.
 */
const SAVE_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local c = cjson.decode(current)
  local revision = tonumber(ARGV[2])
  if c.revision > revision or (c.revision == revision and c.origin >= ARGV[3]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('PUBLISH', KEYS[2], ARGV[1])
return 1`;

/**
 * One wall state for every instance: this instance's changes are saved in Redis and published;
 * the others' are adopted when newer. On start the stored state wins over the local file (a new
 * instance joins the wall as it is); an empty store gets this instance's.
 */
export class SharedWallState {
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: RedisLink,
    private readonly state: WallStateHolder,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.link.subscriber.subscribe(CHANNEL);
    this.link.subscriber.on("message", this.onMessage);
    await this.catchUp();
    this.state.on("change", this.onChange);
    if (this.state.ownChange) this.save();
    // Back after an outage: what changed meanwhile elsewhere, then this instance's own if newer.
    this.link.client.on("ready", this.onReconnect);
  }

  /** Resolves once every change of this instance so far is in Redis (or failed to get there). */
  flushed(): Promise<void> {
    return this.saving;
  }

  close(): void {
    this.state.off("change", this.onChange);
    this.link.subscriber.off("message", this.onMessage);
    this.link.client.off("ready", this.onReconnect);
  }

  private readonly onChange = () => {
    if (this.state.ownChange) this.save();
  };

  private readonly onReconnect = () => {
    void this.catchUp().then(() => this.state.ownChange && this.save());
  };

  private readonly onMessage = (channel: string, message: string) => {
    if (channel === CHANNEL) this.adopt(message, "published");
  };

  private save(): void {
    const s = this.state.shared();
    this.saving = this.saving
      .then(() => this.link.client.eval(SAVE_IF_NEWER, 2, KEY, CHANNEL, JSON.stringify(s), String(s.revision), s.origin))
      // The stored one was newer: this instance missed it; take it.
      .then((saved) => (saved === 0 ? this.catchUp() : undefined))
      .catch((e: Error) => this.log("warn", "could not share the wall state; it is shared when the store answers again", { error: e.message }));
  }

  private async catchUp(): Promise<void> {
    const stored = await this.link.client.get(KEY);
    if (stored) this.adopt(stored, "stored");
  }

  private adopt(message: string, from: string): void {
    let parsed: SharedState | undefined;
    try {
      const result = sharedWallStateSchema.safeParse(JSON.parse(message));
      if (result.success) parsed = result.data;
    } catch {
      // not JSON: refused below
    }
    if (!parsed) {
      this.log("warn", "a shared wall state that does not parse was ignored", { from });
      return;
    }
    if (parsed.origin !== this.state.instanceId) this.state.adopt(parsed);
  }
}
