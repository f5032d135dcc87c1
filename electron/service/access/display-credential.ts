import type { ServiceConfig } from "../config.js";
import { isLoopbackHost } from "./request-policy.js";
import { DISPLAY_TOKEN_FILE, storedSecret } from "./tokens.js";

export interface DisplayCredential {
  /** Undefined on a loopback service without WALL_DISPLAY_TOKEN: its displays are on this machine. */
  token: string | undefined;
  /** Made by this start (print the pairing URLs once). */
  generated: boolean;
}

/**
 * The credential displays present: WALL_DISPLAY_TOKEN when set; else, on a service that other
 * machines can reach, one generated once and kept in the state folder; else none.
 */
export async function displayCredential(config: Pick<ServiceConfig, "displayToken" | "host" | "stateDir">): Promise<DisplayCredential> {
  if (config.displayToken) return { token: config.displayToken, generated: false };
  if (isLoopbackHost(config.host)) return { token: undefined, generated: false };
  const stored = await storedSecret(config.stateDir, DISPLAY_TOKEN_FILE);
  return { token: stored.secret, generated: stored.generated };
}
