import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { startupLines, type StartupFacts } from "./startup-lines.js";

const interfaces = [
  { address: "127.0.0.1", family: "IPv4", internal: true },
  { address: "10.20.0.7", family: "IPv4", internal: false },
] as NetworkInterfaceInfo[];

const facts: StartupFacts = {
  url: "https://127.0.0.1:8443",
  host: "0.0.0.0",
  stateDir: "/var/lib/ioc-wall",
  displayIds: ["D1", "D2"],
  displayToken: "generated-display-token-0123456789",
  displayTokenGenerated: true,
  generatedAdminToken: undefined,
  adminTokenFile: "/var/lib/ioc-wall/admin-token",
};

describe("startupLines", () => {
  it("prints one pairing URL per display, on the address other machines reach, the start that made the credential", () => {
    const lines = startupLines(facts, interfaces);
    expect(lines).toContain("  console:  https://10.20.0.7:8443/console");
    expect(lines).toContain("  display D1: https://10.20.0.7:8443/wall/D1#token=generated-display-token-0123456789");
    expect(lines).toContain("  display D2: https://10.20.0.7:8443/wall/D2#token=generated-display-token-0123456789");
  });

  it("never prints a credential it did not make this start", () => {
    const lines = startupLines({ ...facts, displayTokenGenerated: false }, interfaces).join("\n");
    expect(lines).not.toContain("generated-display-token");
    expect(lines).toContain("display D1: https://10.20.0.7:8443/wall/D1\n");
    expect(lines).toMatch(/displays need the display credential/);
    expect(lines).toContain("admin token: in /var/lib/ioc-wall/admin-token");
  });

  it("keeps the bind address of a service bound to one address", () => {
    expect(startupLines({ ...facts, url: "http://127.0.0.1:8080", host: "127.0.0.1", displayToken: undefined, displayTokenGenerated: false }, interfaces)).toContain("  display D2: http://127.0.0.1:8080/wall/D2");
  });
});
