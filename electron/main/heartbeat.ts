import fs from "node:fs/promises";

/** How often the controller says it is alive; the kiosk's watchdog restarts it after 60 s of silence. */
export const HEARTBEAT_MS = 10_000;

/**
 * The controller's liveness for the kiosk watchdog (deploy/linux/ioc-wall-watchdog.*): the main
 * process touches `file` every `everyMs` from its own event loop, so a hung main process (which no
 * window's recovery can see) stops the beat and gets restarted. A beat that cannot be written is
 * reported once; the next one tries again.
 */
export function startHeartbeat(file: string, onError: (e: Error) => void, everyMs = HEARTBEAT_MS): () => void {
  let failing = false;
  const beat = () =>
    fs.writeFile(file, `${new Date().toISOString()}\n`).then(
      () => (failing = false),
      (e: Error) => {
        if (!failing) onError(e);
        failing = true;
      },
    );
  void beat();
  const timer = setInterval(() => void beat(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
