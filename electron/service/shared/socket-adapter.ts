import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import { REDIS_PREFIX } from "./redis-link.js";

/** The adapter's stream holds at most about this many packets (it is read as it is written; this is slack for an instance that paused). */
const STREAM_MAX = 2000;
/** A blocked read returns this often, so an instance that stops frees its reading connection within a second. */
const BLOCK_MS = 1000;

/**
 * socket.io's Redis Streams adapter on its own connections, so that a broadcast made on one
 * instance reaches the sockets of every instance (`namespace.emit`), while `namespace.local.emit`
 * stays on this one. Its connections wait for Redis while it is away (a blocked read must not turn
 * into a busy loop), and are all closed by `close()`, the ones the adapter made for itself included.
 */
export class SocketAdapter {
  readonly adapter: ReturnType<typeof createAdapter>;
  private readonly connections: Redis[] = [];

  constructor(url: string) {
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
    });
    // The adapter reads and subscribes on copies of this connection: those wait for a Redis that is
    // away (a failed blocking read would be tried again at once, a busy loop), and their reads block
    // for BLOCK_MS. They are kept to be closed with it.
    const duplicate = publisher.duplicate.bind(publisher);
    publisher.duplicate = () => this.keep(duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined }));
    this.keep(publisher);
    this.adapter = createAdapter(publisher, { streamName: `${REDIS_PREFIX}socket.io`, channelPrefix: `${REDIS_PREFIX}socket.io`, sessionKeyPrefix: `${REDIS_PREFIX}socket.io:session:`, maxLen: STREAM_MAX, blockTimeInMs: BLOCK_MS, onlyPlaintext: true });
  }

  private keep(connection: Redis): Redis {
    // Redis away is told by the service's own link; the adapter's connections just reconnect.
    connection.on("error", () => undefined);
    // The adapter leaves some commands' outcome unheard (it keeps a reconnecting socket's session
    // with a SET it does not wait for): with Redis away each would be an unhandled rejection, which
    // stops a Node process. Every command's failure is heard here; whoever waits for it still sees it.
    const send = connection.sendCommand.bind(connection);
    connection.sendCommand = (...args: Parameters<Redis["sendCommand"]>) => {
      const outcome = send(...args);
      void Promise.resolve(outcome).catch(() => undefined);
      return outcome;
    };
    this.connections.push(connection);
    return connection;
  }

  close(): void {
    for (const c of this.connections) c.disconnect(false);
  }
}
