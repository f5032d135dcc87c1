import { describe, expect, it } from "vitest";
import { parseMainArgs } from "./cli-args.js";

const HTTP_RISK = "--primary must use https:// unless it is on this machine (loopback): plain http would load the kiosk's code and send the display credential in clear";

describe("main arguments", () => {
  it("parses --windowed, --primary and --displays, spaced or with =", () => {
    expect(parseMainArgs(["--windowed", "2", "--primary=https://10.0.0.5:8080/x", "--displays", "D4, D5,"])).toEqual({
      windowed: 2,
      primaries: ["https://10.0.0.5:8080"],
      displays: ["D4", "D5"],
    });
    expect(parseMainArgs(["--windowed=3", "--primary", "https://wall-1.example/", "--displays=D1"])).toEqual({
      windowed: 3,
      primaries: ["https://wall-1.example"],
      displays: ["D1"],
    });
  });

  it("parses --console as a switch, alone or with the other flags, never taking the next argument", () => {
    expect(parseMainArgs(["--console"])).toEqual({ console: true });
    expect(parseMainArgs([".", "--console", "--windowed", "2"])).toEqual({ console: true, windowed: 2 });
    expect(parseMainArgs(["--primary=https://wall-1.example", "--console", "--displays", "D4"])).toEqual({ primaries: ["https://wall-1.example"], console: true, displays: ["D4"] });
    expect(parseMainArgs(["--windowed", "1"]).console).toBeUndefined();
  });

  it("refuses a value for --console rather than guess what it means", () => {
    for (const v of ["false", "true", ""]) expect(() => parseMainArgs([`--console=${v}`])).toThrow(`--console takes no value (got --console=${v})`);
  });

  it("ignores what is not its own (Electron's and Chromium's arguments, the app path)", () => {
    expect(parseMainArgs([".", "--no-sandbox", "--enable-logging=stderr"])).toEqual({});
  });

  it("takes 1 to 64 windows", () => {
    for (const bad of ["0", "65", "1.5", "two", undefined]) {
      expect(() => parseMainArgs(bad === undefined ? ["--windowed"] : ["--windowed", bad])).toThrow("--windowed takes a number of windows, 1 to 64");
    }
    expect(parseMainArgs(["--windowed", "64"]).windowed).toBe(64);
  });

  it("refuses an empty --displays list rather than drive nothing", () => {
    expect(() => parseMainArgs(["--displays", ","])).toThrow(/--displays takes display ids/);
    expect(() => parseMainArgs(["--displays"])).toThrow(/--displays takes display ids/);
  });
});

describe("--primary", () => {
  it("accepts https anywhere, keeping only the origin", () => {
    expect(parseMainArgs(["--primary", "https://10.0.0.5:8443/wall/D1?x=1"]).primaries).toEqual(["https://10.0.0.5:8443"]);
    expect(parseMainArgs(["--primary", "https://[fd00::5]/"]).primaries).toEqual(["https://[fd00::5]"]);
  });

  it("accepts plain http only on loopback", () => {
    expect(parseMainArgs(["--primary", "http://127.0.0.1:8080"]).primaries).toEqual(["http://127.0.0.1:8080"]);
    expect(parseMainArgs(["--primary", "http://127.10.20.30:8080"]).primaries).toEqual(["http://127.10.20.30:8080"]);
    expect(parseMainArgs(["--primary", "http://localhost:8080/"]).primaries).toEqual(["http://localhost:8080"]);
    expect(parseMainArgs(["--primary", "http://[::1]:8080"]).primaries).toEqual(["http://[::1]:8080"]);
    // The URL parser normalises the other spellings of loopback first.
    expect(parseMainArgs(["--primary", "http://127.1:8080"]).primaries).toEqual(["http://127.0.0.1:8080"]);
    expect(parseMainArgs(["--primary", "http://[0:0:0:0:0:0:0:1]:8080"]).primaries).toEqual(["http://[::1]:8080"]);
  });

  it("refuses plain http to another machine, naming the risk", () => {
    for (const url of ["http://10.0.0.5:8080", "http://wall-1.example", "http://127.0.0.1.nip.io", "http://128.0.0.1", "http://[fd00::1]", "http://localhost.example"]) {
      expect(() => parseMainArgs(["--primary", url])).toThrow(HTTP_RISK);
    }
  });

  it("says clearly when it is not an http(s) URL at all", () => {
    expect(() => parseMainArgs(["--primary", "ftp://x"])).toThrow('--primary takes an http(s) URL, got ftp: ("ftp://x")');
    expect(() => parseMainArgs(["--primary", "10.0.0.5:8080"])).toThrow(/--primary/);
    for (const bad of ["not a url", "http://", "//10.0.0.5"]) {
      let error: unknown;
      try {
        parseMainArgs(["--primary", bad]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^--primary takes a URL such as https:\/\//);
    }
    expect(() => parseMainArgs(["--primary"])).toThrow(/^--primary takes the URL of the primary/);
    expect(() => parseMainArgs(["--primary="])).toThrow(/^--primary takes the URL of the primary/);
  });

  it("takes several primaries, comma-separated and/or repeated, in order, each once", () => {
    expect(parseMainArgs(["--primary", "https://a.example:8080,https://b.example:8080"]).primaries).toEqual(["https://a.example:8080", "https://b.example:8080"]);
    expect(parseMainArgs(["--primary=https://a.example:8080, https://b.example:8080/wall/D1,", "--console"])).toEqual({
      primaries: ["https://a.example:8080", "https://b.example:8080"],
      console: true,
    });
    expect(parseMainArgs(["--primary", "https://a.example:8080", "--windowed", "1", "--primary=https://b.example:8080,http://127.0.0.1:8081"]).primaries).toEqual([
      "https://a.example:8080",
      "https://b.example:8080",
      "http://127.0.0.1:8081",
    ]);
    // The same origin spelled twice (a path, a trailing slash, another flag) is one primary.
    expect(parseMainArgs(["--primary", "https://a.example:8080/,https://b.example:8080", "--primary", "https://a.example:8080/wall/D1"]).primaries).toEqual([
      "https://a.example:8080",
      "https://b.example:8080",
    ]);
  });

  it("checks every entry of a list, naming the one that is wrong", () => {
    expect(() => parseMainArgs(["--primary", "https://a.example:8080,http://10.0.0.6:8080"])).toThrow(`${HTTP_RISK} (got http://10.0.0.6:8080)`);
    expect(() => parseMainArgs(["--primary", "https://a.example:8080", "--primary", "https://b.example:8080,wall-3:8080"])).toThrow('--primary takes an http(s) URL, got wall-3: ("wall-3:8080")');
    expect(() => parseMainArgs(["--primary", "https://a.example:8080,not a url"])).toThrow('--primary takes a URL such as https://wall-1.example:8080; "not a url" is not a URL');
    expect(() => parseMainArgs(["--primary", ",,"])).toThrow(/^--primary takes the URL of the primary/);
  });

  it("takes at most 16 primaries, after dropping duplicates", () => {
    const origins = (n: number) => Array.from({ length: n }, (_, i) => `https://wall-${i + 1}.example:8443`);
    expect(parseMainArgs(["--primary", [...origins(16), ...origins(16)].join(",")]).primaries).toHaveLength(16);
    expect(() => parseMainArgs(["--primary", origins(17).join(",")])).toThrow("--primary takes at most 16 service addresses (got 17)");
    expect(() => parseMainArgs(["--primary", origins(10).join(","), "--primary", origins(17).slice(10).join(",")])).toThrow("(got 17)");
  });
});
