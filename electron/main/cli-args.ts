export interface MainArgs {
  /** Development: N ordinary windows instead of kiosk windows on the physical outputs. */
  windowed?: number;
  /** Follow another controller's service instead of starting one here. */
  primary?: string;
  /** The wall displays this controller drives (default: all of them). */
  displays?: string[];
}

export function parseMainArgs(argv: readonly string[]): MainArgs {
  const args: MainArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--windowed") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error("--windowed takes a number of windows, 1 to 64");
      args.windowed = n;
    } else if (flag === "--primary") {
      const url = new URL(value() ?? "");
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("--primary takes an http(s) URL");
      args.primary = url.origin;
    } else if (flag === "--displays") {
      args.displays = (value() ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    }
  }
  return args;
}
