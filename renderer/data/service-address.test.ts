import { afterEach, describe, expect, it, vi } from "vitest";

describe("where a page that moved fetches from", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("sends what is on its own instance to the live one, and leaves every other address as it is", async () => {
    vi.stubGlobal("window", { location: { origin: "http://wall-1:8080", href: "http://wall-1:8080/wall/D1" } });
    const { rehome, serviceAddress, serviceBase, setServiceOrigin } = await import("./service-address.js");
    // At home, nothing changes.
    expect(serviceAddress("/streams/cam-01/index.m3u8")).toBe("/streams/cam-01/index.m3u8");
    expect(serviceBase()).toBe("http://wall-1:8080/wall/D1");
    setServiceOrigin("http://wall-2:8080");
    expect(serviceAddress("/streams/cam-01/index.m3u8")).toBe("http://wall-2:8080/streams/cam-01/index.m3u8");
    expect(serviceAddress("https://vms.example/cam/1.m3u8")).toBe("https://vms.example/cam/1.m3u8");
    expect(serviceAddress("//vms.example/x")).toBe("//vms.example/x");
    expect(new URL("/basemap/land.geojson", serviceBase()).href).toBe("http://wall-2:8080/basemap/land.geojson");
    // A map's style made before the move names the first instance; its tiles are asked of the second.
    expect(rehome("http://wall-1:8080/tiles/own.pmtiles")).toBe("http://wall-2:8080/tiles/own.pmtiles");
    expect(rehome("http://wall-1:8081/tiles/own.pmtiles")).toBe("http://wall-1:8081/tiles/own.pmtiles");
    expect(rehome("https://tiles.example/{z}/{x}/{y}.png")).toBe("https://tiles.example/{z}/{x}/{y}.png");
    // Back home: relative again.
    setServiceOrigin("http://wall-1:8080");
    expect(serviceAddress("/streams/a")).toBe("/streams/a");
  });
});
