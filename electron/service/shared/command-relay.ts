import { z } from "zod";
import { mapViewSchema } from "../../common/protocol.js";
import { roleSchema } from "../access/accounts.js";
import { commandNames, type Actor, type CommandName, type CommandResult, type WallCommands } from "../commands.js";
import type { Logger } from "../log.js";
import type { WallStateHolder } from "../wall-state.js";
import { LEADER_KEY, LEASE_MS, type LeaderLease } from "./leader-lease.js";
import { PendingReplies } from "./pending-replies.js";
import { parseMessage, REDIS_PREFIX, type RedisLink } from "./redis-link.js";

type Answer = { result: CommandResult; revision?: number };

const COMMANDS = `${REDIS_PREFIX}commands:`;
const ANSWERS = `${REDIS_PREFIX}command-answers:`;
/** How long a follower waits for the leader's answer; then it says it does not know (never runs it twice). */
const ANSWER_MS = 3000;
/** How long a follower waits, after the answer, for the change to reach it (a REST answer tells the new state). */
const CATCH_UP_MS = 1000;
const MAX_PENDING = 64;

const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);
const requestSchema = z.strictObject({
  id: requestId,
  name: z.enum(commandNames),
  actor: z.strictObject({ principal: z.strictObject({ name: z.string().max(64), role: roleSchema, credential: z.string().max(200) }), from: z.string().max(64) }),
  // Absent when the command was given without one (JSON leaves it out): run as given.
  body: z.unknown().optional(),
  replyTo: z.string().min(1).max(64),
});
const answerSchema = z.union([
  z.strictObject({
    id: requestId,
    revision: z.number().int().min(0),
    result: z.union([
      z.strictObject({ ok: z.literal(true), view: mapViewSchema.optional() }),
      z.strictObject({ ok: z.literal(false), status: z.number().int().min(400).max(599), error: z.string().max(2000) }),
    ]),
  }),
  // The instance asked no longer leads: it ran nothing; the asker asks who leads now.
  z.strictObject({ id: requestId, notLeading: z.literal(true) }),
]);

const refused = (status: 503 | 504, error: string): Answer => ({ result: { ok: false, status, error } });
const TRY_AGAIN = "the wall's leading instance is changing hands; nothing was applied, try again in a few seconds";

/**
 * Several instances, one writer: a command given to a follower is run by the instance that leads
 * the wall (the lease holder, which also runs the clock and the alarm rules), through Redis, and its
 * answer comes back. So two commands at once, or a command and an alarm, are applied one after the
 * other, never one over the other. Without a leader (between one's death and the next one's lease)
 * a command runs where it was given. Never twice, never by two writers: a leader that does not answer
 * in time gets a 504 that says the outcome is unknown; a leader that cannot be reached, or no longer
 * leads, is asked again once (the lease may have passed), else the command is refused with a 503.
 */
export class CommandRelay {
  /** Commands sent to the leader: each resolved with its answer and the wall's revision after it, or "ask-again". */
  private readonly pending = new PendingReplies<Answer | "ask-again">(MAX_PENDING, ANSWER_MS);

  constructor(
    private readonly link: RedisLink,
    private readonly commands: WallCommands,
    private readonly state: WallStateHolder,
    private readonly lease: LeaderLease,
    private readonly instanceId: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.link.subscriber.subscribe(COMMANDS + this.instanceId, ANSWERS + this.instanceId);
    this.link.subscriber.on("message", this.onMessage);
    this.commands.relay = (name, actor, body) => this.relay(name, actor, body);
  }

  close(): void {
    this.commands.relay = undefined;
    this.link.subscriber.off("message", this.onMessage);
    this.pending.close({ result: { ok: false, status: 503, error: "the service is stopping" } });
  }

  private async relay(name: CommandName, actor: Actor, body: unknown): Promise<CommandResult | undefined> {
    // Here: this instance leads, or Redis is away (the command refuses itself, audited).
    if (this.lease.isLeader || !this.link.up) return undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      let leader: string | null;
      try {
        leader = await this.link.client.get(LEADER_KEY);
      } catch {
        return refused(503, TRY_AGAIN).result;
      }
      // Nobody leads (the lease ran out with its holder): nobody else writes; run it here.
      if (!leader || leader === this.instanceId) return undefined;
      const answer = await this.ask(leader, name, actor, body);
      // The lease may be passing: ask again once it may have passed (not after the last try).
      if (answer === "ask-again") {
        if (attempt === 0) await new Promise((r) => setTimeout(r, LEASE_MS / 2));
        continue;
      }
      // The answer's change reaches this instance through Redis at about the same moment: wait for
      // it, so that what this instance answers (the new revision) is already so here.
      if (answer.result.ok && answer.revision !== undefined) await this.caughtUp(answer.revision);
      return answer.result;
    }
    return refused(503, TRY_AGAIN).result;
  }

  /** Sends a command to the instance the lease names, and waits for its answer. */
  private async ask(leader: string, name: CommandName, actor: Actor, body: unknown): Promise<Answer | "ask-again"> {
    const request = this.pending.open(refused(504, "the instance that leads the wall did not answer in time; the command may or may not have been applied"));
    if (!request) return refused(503, "too many commands waiting for the leading instance; try again in a moment");
    const { id, reply } = request;
    try {
      const heard = await this.link.client.publish(COMMANDS + leader, JSON.stringify({ id, name, actor, body, replyTo: this.instanceId }));
      // Nobody listens for the leader (dead, its lease not yet run out, or reconnecting): it ran nothing.
      if (heard === 0) this.pending.settle(id, "ask-again");
    } catch {
      // Whether Redis passed it on is not known: never run it here as well.
      this.pending.settle(id, refused(504, "the shared store did not confirm the command; it may or may not have been applied"));
    }
    return reply;
  }
  private caughtUp(revision: number): Promise<void> {
    if (this.state.current().revision >= revision) return Promise.resolve();
    return new Promise((resolve) => {
      const give = setTimeout(finish, CATCH_UP_MS);
      const unsubscribe = this.state.subscribe(() => this.state.current().revision >= revision && finish());
      function finish() {
        clearTimeout(give);
        unsubscribe();
        resolve();
      }
    });
  }

  private readonly onMessage = (channel: string, message: string) => {
    if (channel === COMMANDS + this.instanceId) this.run(message);
    else if (channel === ANSWERS + this.instanceId) this.take(message);
  };

  /** A follower's command: run here, as if given here, by whoever gave it there. */
  private run(message: string): void {
    const request = parseMessage(requestSchema, message);
    if (!request) return this.log("warn", "a command relayed by another instance does not parse; ignored");
    // Sent just as the lease passed on: run by the one that leads now, never by two writers.
    let answer: z.input<typeof answerSchema> = { id: request.id, notLeading: true };
    if (this.lease.isLeader) {
      const result = this.commands.here(request.name, request.actor, request.body);
      // The wall's revision once the command is applied: the asker answers when it has reached it.
      answer = { id: request.id, revision: this.state.current().revision, result };
    }
    this.link.client.publish(ANSWERS + request.replyTo, JSON.stringify(answer)).catch(() => undefined);
  }

  private take(message: string): void {
    const answer = parseMessage(answerSchema, message);
    if (!answer) return this.log("warn", "a command's answer from the leading instance does not parse; ignored");
    this.pending.settle(answer.id, "notLeading" in answer ? "ask-again" : { result: answer.result, revision: answer.revision });
  }
}
