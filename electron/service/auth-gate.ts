import type { Principal, TokenAuth } from "./auth.js";
import type { FailureLimiter } from "./failure-limiter.js";
import type { ServiceCounters } from "./service-counters.js";

export type GateRefusal = { status: 401 | 429; error: string };

/**
 * The one door for REST and sockets: a token becomes a principal, a wrong one is counted, and an
 * address that keeps guessing is refused for a while.
 */
export function createAuthGate(auth: TokenAuth, limiter: FailureLimiter, counters: ServiceCounters) {
  return (address: string, token: string | undefined): Principal | GateRefusal => {
    if (limiter.blocked(address)) return { status: 429, error: "too many failed authentications; try again in a minute" };
    const principal = auth.authenticate(token);
    if (principal) return principal;
    limiter.fail(address);
    counters.authFailures += 1;
    return { status: 401, error: token ? "invalid token" : "missing token" };
  };
}

export type AuthGate = ReturnType<typeof createAuthGate>;

export function isRefusal(r: Principal | GateRefusal): r is GateRefusal {
  return "status" in r;
}
