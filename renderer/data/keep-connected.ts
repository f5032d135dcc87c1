import type { Socket } from "socket.io-client";

/**
 * socket.io-client reconnects by itself after a network loss, but not when the server closed the
 * connection on purpose ("io server disconnect", e.g. during a restart). A wall never gives up.
 */
export function keepConnected(socket: Socket, delayMs = 2000): void {
  socket.on("disconnect", (reason) => {
    if (reason === "io server disconnect") setTimeout(() => socket.connect(), delayMs);
  });
}
