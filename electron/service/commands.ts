import { switchLayoutBodySchema, type Ack } from "../common/protocol.js";
import { roleAllows, type Principal } from "./auth.js";
import type { Logger } from "./log.js";
import type { WallStateHolder } from "./wall-state.js";

/**
 * The commands a console may give, shared by REST and the /control socket: each validates its
 * payload, checks the role and answers with an Ack whose status is an HTTP status.
 */
export class WallCommands {
  constructor(
    private readonly state: WallStateHolder,
    private readonly log: Logger,
  ) {}

  switchLayout(principal: Principal, body: unknown): Ack {
    if (!roleAllows(principal.role, "operator")) return { ok: false, status: 403, error: "this role may not switch layouts" };
    const parsed = switchLayoutBodySchema.safeParse(body);
    if (!parsed.success) {
      return { ok: false, status: 400, error: `malformed body: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}` };
    }
    if (!this.state.switchLayout(parsed.data.layoutId)) return { ok: false, status: 404, error: `no valid layout "${parsed.data.layoutId}"` };
    this.log("info", "layout switched", { by: principal.name, layoutId: parsed.data.layoutId, revision: this.state.current().revision });
    return { ok: true };
  }
}
