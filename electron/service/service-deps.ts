import type { AccountStore } from "./access/accounts.js";
import type { AuditLog } from "./access/audit-log.js";
import type { ServiceLimits } from "./access/limits.js";
import type { LoginThrottle } from "./access/login-throttle.js";
import type { RequestPolicy } from "./access/request-policy.js";
import type { SecretRedactor } from "./access/secrets.js";
import type { TokenAuth } from "./access/tokens.js";
import type { WallCommands } from "./commands.js";
import type { DisplayCaptures } from "./display-captures.js";
import type { DisplayRegistry } from "./display-registry.js";
import type { LayoutStore } from "./layout-store.js";
import type { Scheduler } from "./schedule/scheduler.js";
import type { Logger } from "./log.js";
import type { ServiceCounters } from "./service-counters.js";
import type { WallStateHolder } from "./wall-state.js";

/** The parts of a running service that its transports (REST, sockets) share. */
export interface ServiceDeps {
  store: LayoutStore;
  state: WallStateHolder;
  commands: WallCommands;
  scheduler: Scheduler;
  displays: DisplayRegistry;
  /** Remote screenshots: asked of a display socket, answered in parts. */
  captures: DisplayCaptures;
  counters: ServiceCounters;
  log: Logger;
  auth: TokenAuth;
  accounts: AccountStore;
  audit: AuditLog;
  throttle: LoginThrottle;
  /** Host and Origin rules of every request and socket handshake. */
  policy: RequestPolicy;
  limits: ServiceLimits;
  redactor: SecretRedactor;
  /** WALL_PEERS: the origins of every instance of this wall, told to displays so they can move. */
  peers: readonly string[];
  /** No display credential is configured (loopback service): displays on this machine come in without one. */
  admitLocalDisplays: boolean;
}
