import { describe, expect, it } from "vitest";
import { fetchAddressSchema, redactAddress, redactAddressesIn, webOrigin } from "./web-address.js";

describe("web addresses named in files", () => {
  it("takes http(s) URLs that parse and paths on the service", () => {
    for (const ok of ["http://vms.local:8554/live.m3u8", "https://[::1]:8443/a", "/streams/cam-01/720p/index.m3u8", "https://tiles.example/{z}/{x}/{y}.png"]) {
      expect(fetchAddressSchema.safeParse(ok).success, ok).toBe(true);
    }
  });

  it("refuses what cannot be parsed, without quoting it", () => {
    for (const bad of ["http://vms.local:99999/live.m3u8", "http://", "http:/x", "ftp://vms/x", "//evil.example/x.m3u8", "https://{s}.tile.osm.org/{z}/{x}/{y}.png", "http://a b/", "relative/path"]) {
      const r = fetchAddressSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(JSON.stringify(r.error!.issues)).not.toContain(bad);
    }
  });

  it("gives the origin a CSP names, normalised, never throwing", () => {
    expect(webOrigin("HTTP://Example.COM:80/a?b")).toBe("http://example.com");
    expect(webOrigin("https://user:secret@vms.local:8443/x")).toBe("https://vms.local:8443");
    expect(webOrigin("http://vms.local:99999/x")).toBeUndefined();
    expect(webOrigin("/streams/x")).toBeUndefined();
  });

  it("redacts user, password, query and fragment from reports", () => {
    expect(redactAddress("https://user:secret@vms.local/cam/1.m3u8?key=abc#t")).toBe("https://vms.local/cam/1.m3u8");
    expect(redactAddress("/streams/cam-01/720p/index.m3u8?token=abc")).toBe("/streams/cam-01/720p/index.m3u8");
    expect(redactAddress("blob:https://x/y")).toBe("[address]");
    expect(redactAddressesIn("manifestLoadError: https://u:pw@vms.local/c.m3u8?key=k1 (404)")).toBe("manifestLoadError: https://vms.local/c.m3u8 (404)");
  });
});
