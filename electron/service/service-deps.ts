import type { AuthGate } from "./auth-gate.js";
import type { WallCommands } from "./commands.js";
import type { DisplayRegistry } from "./display-registry.js";
import type { LayoutStore } from "./layout-store.js";
import type { Logger } from "./log.js";
import type { ServiceCounters } from "./service-counters.js";
import type { WallStateHolder } from "./wall-state.js";

/** The parts of a running service that its transports (REST, sockets) share. */
export interface ServiceDeps {
  store: LayoutStore;
  state: WallStateHolder;
  commands: WallCommands;
  displays: DisplayRegistry;
  gate: AuthGate;
  counters: ServiceCounters;
  log: Logger;
  /** WALL_DISPLAY_TOKEN is set: a display must present a valid token to join. */
  displaysNeedToken: boolean;
}
