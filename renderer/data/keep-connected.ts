import type { Socket } from "socket.io-client";

/** Why the service turned this socket away (its middleware's `err.data`), and when it is asked again. */
export interface Refusal {
  reason: string;
  status: number;
  retryAt: number;
}

/** 1 s, 2 s, 4 s … 60 s, each ±30 %: a refused wall asks again without hammering the service. */
export function refusalDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** attempt, 60_000);
  return Math.round(base * (0.7 + 0.6 * random()));
}

/**
 * A wall never gives up. socket.io-client reconnects by itself after a network loss, but not when
 * the server closed the connection on purpose ("io server disconnect", e.g. during a restart), nor
 * when a namespace middleware refused it (a display whose credential is missing or was changed, a
 * transient limit): those are retried here, with backoff, and the refusal is reported so that the
 * screen can say why.
 */
export function keepConnected(socket: Socket, onRefused: (refusal: Refusal | undefined) => void = () => undefined, delayMs = 2000): () => void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  socket.on("disconnect", (reason) => {
    if (reason === "io server disconnect") timer = setTimeout(() => socket.connect(), delayMs);
  });
  socket.on("connect", () => {
    attempt = 0;
    onRefused(undefined);
  });
  socket.on("connect_error", (err: Error & { data?: { status?: unknown; reason?: unknown } }) => {
    // socket.active: the manager retries by itself (a transport error); otherwise a middleware said no.
    if (socket.active) return;
    const delay = refusalDelay(attempt++);
    clearTimeout(timer);
    timer = setTimeout(() => socket.connect(), delay);
    const data = err.data ?? {};
    onRefused({ reason: typeof data.reason === "string" ? data.reason : err.message, status: typeof data.status === "number" ? data.status : 0, retryAt: Date.now() + delay });
  });
  /** Called by the owner as it closes the socket: no retry after that. */
  return () => clearTimeout(timer);
}
