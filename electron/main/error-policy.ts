import type { Logger } from "../service/log.js";

/** What the policy listens on: Node's process, or an EventEmitter in tests. */
export interface ErrorSource {
  on(event: "uncaughtException", listener: (error: Error) => void): unknown;
  on(event: "unhandledRejection", listener: (reason: unknown) => void): unknown;
}

/**
 * The main process's error policy: an error nobody caught is logged with its stack and the
 * controller goes on. Its windows are separate processes that keep showing the wall; exiting would
 * black every screen for one failed callback. A repeated fault is visible in the log, counted.
 */
export function keepRunningOnErrors(source: ErrorSource, log: Logger): void {
  let count = 0;
  const report = (kind: string, e: unknown) => {
    count += 1;
    const error = e instanceof Error ? e : new Error(String(e));
    log("error", `main process: ${kind}; the wall keeps running`, { error: error.message, stack: error.stack?.split("\n").slice(0, 6).join(" | "), count });
  };
  source.on("uncaughtException", (e) => report("uncaught exception", e));
  source.on("unhandledRejection", (reason) => report("unhandled rejection", reason));
}
