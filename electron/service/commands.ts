import type { z } from "zod";
import { mapViewBodySchema, switchLayoutBodySchema, type Ack, type MapView } from "../common/protocol.js";
import { roleAllows, type Principal } from "./access/tokens.js";
import type { Logger } from "./log.js";
import type { WallStateHolder } from "./wall-state.js";

function malformed(error: z.ZodError): Exclude<Ack, { ok: true }> {
  return { ok: false, status: 400, error: `malformed body: ${error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}` };
}

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
    if (!parsed.success) return malformed(parsed.error);
    if (!this.state.switchLayout(parsed.data.layoutId)) return { ok: false, status: 404, error: `no valid layout "${parsed.data.layoutId}"` };
    this.log("info", "layout switched", { by: principal.name, layoutId: parsed.data.layoutId, revision: this.state.current().revision });
    return { ok: true };
  }

  setMapView(principal: Principal, body: unknown): { ok: true; view: MapView } | Exclude<Ack, { ok: true }> {
    if (!roleAllows(principal.role, "operator")) return { ok: false, status: 403, error: "this role may not move maps" };
    const parsed = mapViewBodySchema.safeParse(body);
    if (!parsed.success) return malformed(parsed.error);
    const view = this.state.setMapView(parsed.data);
    if (view === "no-tile") return { ok: false, status: 404, error: `the current layout has no map tile "${parsed.data.tileId}"` };
    this.log("info", "map moved", { by: principal.name, tileId: parsed.data.tileId, ...view });
    return { ok: true, view };
  }
}
