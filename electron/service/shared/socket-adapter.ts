import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import type { Namespace } from "socket.io";
import { REDIS_PREFIX } from "./redis-link.js";

const STREAM = `${REDIS_PREFIX}socket.io`;
/** The adapter's stream holds at most about this many packets (it is read as it is written; this is slack for an instance that paused). */
const STREAM_MAX = 2000;
/** A blocked read returns this often, so an instance that stops frees its reading connection within a second. */
const BLOCK_MS = 1000;
/**
 * A reading connection that hears nothing for this long (its reads return every second) is dead: it
 * is dropped and made again. (ioredis 5 leaves this timer armed across a reconnect: after Redis
 * restarts, the fresh connection may be dropped once more, and is made again.)
 */
const SILENT_MS = 5000;
/** A read or subscription that failed (Redis loading its data, refusing) is tried again after this, not at once. */
const RETRY_MS = 500;

type Adapter = ReturnType<ReturnType<typeof createAdapter>>;
type Command = Parameters<Redis["sendCommand"]>[0];

/**
 * socket.io's Redis Streams adapter on its own connections, so that a broadcast made on one
 * instance reaches the sockets of every instance (`namespace.emit`), while `namespace.local.emit`
 * stays on this one.
 *
 * Until it has read a first packet, the adapter reads "what comes after now" (`$`), read again each
 * time: a packet added between two reads, or before the first, would be lost. Its reads start
 * instead from the stream's end as it was when this instance joined.
 *
 * socket.io's connection-state recovery is not used with it: with recovery on, socket.io sends every
 * packet meant for one socket through the adapter too (into the Redis stream, for every instance to
 * read, and told to the socket only after Redis answered), so a display's whole state would wait
 * behind Redis and could arrive after a newer one told at once. A socket that comes back is sent
 * what it needs afresh instead (see attachSockets).
 *
 * Everything it opens is closed by `close()`: its namespaces' adapters (which stop its reading
 * loop), and its connections, the ones the adapter made for itself included.
 */
export class SocketAdapter {
  readonly adapter: (nsp: Namespace) => Adapter;
  private readonly connections: Redis[] = [];
  private readonly adapters: Adapter[] = [];
  private closed = false;

  /** Connects, and notes where the stream ends now (rejects when Redis does not answer). */
  static async open(url: string): Promise<SocketAdapter> {
    const publisher = new Redis(url, {
      // A broadcast is told to this instance's own sockets once its publication is sent or has
      // failed: with Redis away it fails at once (a notice is lost to the other instances, never
      // held back from this one's).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      keepAlive: 5000,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
      // The adapter subscribes on a copy of this connection while it connects; ioredis 5's ready
      // check (INFO) then races the SUBSCRIBE and fails (redis/ioredis#2037). None needs it.
      enableReadyCheck: false,
      lazyConnect: true,
    });
    publisher.on("error", () => undefined);
    try {
      await publisher.connect();
      // Its copies connect by themselves (the adapter would connect a lazy one and not hear it fail).
      publisher.options.lazyConnect = false;
      const [last] = await publisher.xrevrange(STREAM, "+", "-", "COUNT", 1);
      return new SocketAdapter(publisher, last?.[0] ?? "0-0");
    } catch (e) {
      publisher.disconnect(false);
      throw e;
    }
  }

  /** Whether a broadcast made now reaches the other instances. */
  get up(): boolean {
    return this.publisher.status === "ready";
  }

  private constructor(
    private readonly publisher: Redis,
    joinedAt: string,
  ) {
    // The adapter reads and subscribes on copies of this connection: those wait for a Redis that is
    // away (a failed blocking read would be tried again at once, a busy loop), and their reads block
    // for BLOCK_MS. They are kept to be closed with it.
    const duplicate = publisher.duplicate.bind(publisher);
    publisher.duplicate = () =>
      this.keep(duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined, socketTimeout: SILENT_MS }), (command) => {
        if (command.name !== "xread") return false;
        const args = command.args;
        if (args.at(-1) === "$") args[args.length - 1] = joinedAt;
        return true;
      });
    this.keep(publisher);
    const make = createAdapter(publisher, { streamName: STREAM, channelPrefix: STREAM, maxLen: STREAM_MAX, blockTimeInMs: BLOCK_MS, onlyPlaintext: true });
    const adapters = this.adapters;
    // socket.io makes each namespace's adapter with `new`: a function, not an arrow, whose result stands for the object made.
    this.adapter = function namespaceAdapter(nsp: Namespace) {
      const adapter = make(nsp);
      adapters.push(adapter);
      return adapter;
    };
  }

  /**
   * Keeps a connection to close it later. The adapter leaves some commands' outcome unheard (its
   * subscriptions): with Redis away each would be an unhandled rejection, which stops a Node
   * process, so every failure is heard here (whoever waits for it still sees it). `read` sees each
   * command before it is sent (and may change it); a read it names fails RETRY_MS late, so the
   * adapter's reading loop does not spin. After close() nothing more is sent.
   */
  private keep(connection: Redis, read: (command: Command) => boolean = () => false): Redis {
    // Redis away is told by the service's own link; the adapter's connections just reconnect.
    connection.on("error", () => undefined);
    const send = connection.sendCommand.bind(connection);
    connection.sendCommand = (command: Command, ...rest: unknown[]) => {
      // A reading loop left running after close (a start that failed before its server existed) waits forever, idle.
      if (this.closed) return new Promise<never>(() => undefined);
      const late = read(command);
      const outcome = Promise.resolve(send(command, ...(rest as [])));
      outcome.catch(() => undefined);
      if (!late) return outcome;
      const delayed = outcome.catch((e: unknown) => new Promise<never>((_, reject) => setTimeout(() => reject(e), RETRY_MS)));
      delayed.catch(() => undefined);
      return delayed;
    };
    this.connections.push(connection);
    return connection;
  }

  close(): void {
    this.closed = true;
    for (const a of this.adapters.splice(0)) a.close();
    for (const c of this.connections) c.disconnect(false);
  }
}
