import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorSlateUrl } from "./error-slate.js";
import { DISPLAY_CREDENTIAL_CHANNEL, displayCredentialFor } from "./display-credential.js";

const SERVICE = ["http://127.0.0.1:8080"];
const TOKEN = "display-token-0123456789";

describe("display credential", () => {
  it("goes to the service's own display pages", () => {
    expect(displayCredentialFor("http://127.0.0.1:8080/wall/D1", SERVICE, TOKEN)).toBe(TOKEN);
    expect(displayCredentialFor("http://127.0.0.1:8080/wall/D%201?x=1#y", SERVICE, TOKEN)).toBe(TOKEN);
    expect(displayCredentialFor("https://wall-1.example/wall/D4", ["https://wall-1.example"], TOKEN)).toBe(TOKEN);
    // The service origin may be given as a URL; only its origin counts.
    expect(displayCredentialFor("https://wall-1.example/wall/D4", ["https://wall-1.example/"], TOKEN)).toBe(TOKEN);
  });

  it("goes nowhere else on the service", () => {
    for (const url of ["http://127.0.0.1:8080/console", "http://127.0.0.1:8080/", "http://127.0.0.1:8080/wall", "http://127.0.0.1:8080/walls/D1", "http://127.0.0.1:8080/wall/../console", "http://127.0.0.1:8080/wall/%2e%2e/console"]) {
      expect(displayCredentialFor(url, SERVICE, TOKEN), url).toBeNull();
    }
  });

  it("never goes to the operator console, the page the --console window shows", () => {
    for (const url of ["http://127.0.0.1:8080/console", "http://127.0.0.1:8080/console?lang=en", "http://127.0.0.1:8080/console#wall/D1"]) {
      expect(displayCredentialFor(url, SERVICE, TOKEN), url).toBeNull();
    }
  });

  it("never goes to another origin, whatever its path", () => {
    for (const url of [
      "http://127.0.0.1:8081/wall/D1",
      "https://127.0.0.1:8080/wall/D1",
      "http://localhost:8080/wall/D1",
      "http://evil.example/wall/D1",
      "http://127.0.0.1:8080.evil.example/wall/D1",
      "file:///wall/D1",
      "about:blank",
    ]) {
      expect(displayCredentialFor(url, SERVICE, TOKEN), url).toBeNull();
    }
  });

  it("never goes to the error slate (a data: URL) or a URL that does not parse", () => {
    expect(displayCredentialFor(errorSlateUrl("Display D1 keeps failing"), SERVICE, TOKEN)).toBeNull();
    expect(displayCredentialFor("data:text/html,<p>/wall/</p>", ["null"], TOKEN)).toBeNull();
    expect(displayCredentialFor("not a url", SERVICE, TOKEN)).toBeNull();
    expect(displayCredentialFor("", SERVICE, TOKEN)).toBeNull();
    expect(displayCredentialFor(undefined, SERVICE, TOKEN)).toBeNull();
    // Before the service has started, its address is unknown: nothing is handed out.
    expect(displayCredentialFor("http://127.0.0.1:8080/wall/D1", [], TOKEN)).toBeNull();
    expect(displayCredentialFor("http://127.0.0.1:8080/wall/D1", [""], TOKEN)).toBeNull();
  });

  it("goes to the display pages of every primary a follower was given, and no other origin", () => {
    const primaries = ["https://wall-1.example:8443", "https://wall-2.example:8443"];
    expect(displayCredentialFor("https://wall-1.example:8443/wall/D4", primaries, TOKEN)).toBe(TOKEN);
    expect(displayCredentialFor("https://wall-2.example:8443/wall/D4", primaries, TOKEN)).toBe(TOKEN);
    for (const url of ["https://wall-3.example:8443/wall/D4", "https://wall-2.example:8443/console", "http://wall-2.example:8443/wall/D4"]) {
      expect(displayCredentialFor(url, primaries, TOKEN), url).toBeNull();
    }
  });

  it("is null when no token is configured", () => {
    expect(displayCredentialFor("http://127.0.0.1:8080/wall/D1", SERVICE, undefined)).toBeNull();
    expect(displayCredentialFor("http://127.0.0.1:8080/wall/D1", SERVICE, "")).toBeNull();
  });

  it("is asked for on the channel the preload uses, which never takes it from the command line", () => {
    const preload = readFileSync(new URL("../preload/preload.cts", import.meta.url), "utf8");
    expect(preload).toContain(`"${DISPLAY_CREDENTIAL_CHANNEL}"`);
    expect(preload).toContain("ipcRenderer.sendSync(DISPLAY_CREDENTIAL_CHANNEL)");
    expect(preload).not.toMatch(/display-token/);
    // The bridge exposes data only, never ipcRenderer itself.
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/s);
  });
});
