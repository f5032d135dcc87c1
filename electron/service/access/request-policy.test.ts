import { describe, expect, it } from "vitest";
import { hostnameOf, isLoopbackAddress, isLoopbackHost, RequestPolicy } from "./request-policy.js";

describe("loopback", () => {
  it("knows this machine's names and addresses, and nothing else", () => {
    for (const h of ["localhost", "LOCALHOST", "wall.localhost", "127.0.0.1", "127.255.255.254", "[::1]", "::1"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["10.0.0.1", "0.0.0.0", "128.0.0.1", "127.0.0.1.example", "localhost.example", "[::]", "[fd00::1]", ""]) expect(isLoopbackHost(h), h).toBe(false);
    expect(isLoopbackAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("::ffff:10.0.0.1")).toBe(false);
  });
});

describe("RequestPolicy", () => {
  const policy = (bindHost: string, more: Partial<ConstructorParameters<typeof RequestPolicy>[0]> = {}) =>
    new RequestPolicy({ bindHost, allowedHosts: [], allowedOrigins: [], tls: false, localAddresses: () => ["10.1.2.3", "fe80::1"], ...more });

  it("reads Host headers strictly", () => {
    expect(hostnameOf("Wall.IOC.local:8080")).toBe("wall.ioc.local");
    expect(hostnameOf("[::1]:8080")).toBe("[::1]");
    for (const bad of [undefined, "", "a b", "evil.example/x", "x:99999999", "user@host"]) expect(hostnameOf(bad), String(bad)).toBeUndefined();
  });

  it("answers the bind address, loopback and listed names; a wildcard bind answers the machine's addresses", () => {
    const specific = policy("10.9.9.9");
    expect(specific.hostAllowed("10.9.9.9:8080")).toBe(true);
    expect(specific.hostAllowed("localhost:8080")).toBe(true);
    expect(specific.hostAllowed("10.1.2.3:8080")).toBe(false);
    expect(specific.hostAllowed("attacker.example")).toBe(false);
    const wildcard = policy("0.0.0.0", { allowedHosts: ["wall.ioc.local", ".ioc.local"] });
    expect(wildcard.hostAllowed("10.1.2.3:8080")).toBe(true);
    expect(wildcard.hostAllowed("[fe80::1]:8080")).toBe(true);
    expect(wildcard.hostAllowed("wall.ioc.local")).toBe(true);
    expect(wildcard.hostAllowed("d4.ioc.local")).toBe(true);
    expect(wildcard.hostAllowed("ioc.local.attacker.example")).toBe(false);
  });

  it("admits no Origin, the service's own and listed ones", () => {
    const p = policy("127.0.0.1", { allowedOrigins: ["https://console.ioc.local/"], tls: true });
    expect(p.originAllowed(undefined, "127.0.0.1:8443")).toBe(true);
    expect(p.originAllowed("https://127.0.0.1:8443", "127.0.0.1:8443")).toBe(true);
    expect(p.originAllowed("http://127.0.0.1:8443", "127.0.0.1:8443")).toBe(false);
    expect(p.originAllowed("https://console.ioc.local", "127.0.0.1:8443")).toBe(true);
    expect(p.originAllowed("null", "127.0.0.1:8443")).toBe(false);
    expect(p.originAllowed("https://evil.example", "127.0.0.1:8443")).toBe(false);
  });
});
