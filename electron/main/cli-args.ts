import { isLoopbackHost } from "../service/access/request-policy.js";
export interface MainArgs {
  /** Development: N ordinary windows instead of kiosk windows on the physical outputs. */
  windowed?: number;
  /**
   * Follow a service elsewhere instead of starting one here: the origins of its instances, in the
   * order to try them (`--primary`, comma-separated and/or repeated; duplicates dropped).
   */
  primaries?: string[];
  /** The wall displays this controller drives (default: all of them). */
  displays?: string[];
  /** Also open the operator console (the service's /console) in an ordinary window. */
  console?: boolean;
  /** The configuration file (else `config.json` in the app's user-data folder, when it exists). */
  config?: string;
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
      args.primaries = primaryOrigins(value(), args.primaries ?? []);
    } else if (flag === "--displays") {
      const ids = (value() ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      // An empty list would silently drive nothing.
      if (ids.length === 0) throw new Error("--displays takes display ids separated by commas, such as D4,D5,D6");
      args.displays = ids;
    } else if (flag === "--config") {
      const file = value();
      if (!file) throw new Error("--config takes the path of a configuration file (JSON)");
      args.config = file;
    } else if (flag === "--console") {
      // A switch: it never takes the next argument, and a value is refused rather than read as true or false.
      if (inline !== undefined) throw new Error(`--console takes no value (got --console=${inline})`);
      args.console = true;
    }
  }
  return args;
}

/** At most this many primaries, as WALL_PEERS on the service. */
export const MAX_PRIMARIES = 16;

/** `earlier` and the origins of one `--primary` value (comma-separated), each once, in order. */
function primaryOrigins(raw: string | undefined, earlier: readonly string[]): string[] {
  const entries = (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error("--primary takes the URL of the primary controller's service, such as https://wall-1.example:8080 (several: separated by commas)");
  const origins = [...new Set([...earlier, ...entries.map(primaryOrigin)])];
  if (origins.length > MAX_PRIMARIES) throw new Error(`--primary takes at most ${MAX_PRIMARIES} service addresses (got ${origins.length})`);
  return origins;
}

/**
 * One primary's origin. Its pages are the kiosk's code and its display credential travels to
 * it, so plain http is accepted only when neither leaves this machine.
 */
function primaryOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--primary takes a URL such as https://wall-1.example:8080; "${raw}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`--primary takes an http(s) URL, got ${url.protocol} ("${raw}")`);
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new Error(
      "--primary must use https:// unless it is on this machine (loopback): plain http would load the kiosk's code and send the display credential in clear" +
        ` (got ${url.origin})`,
    );
  }
  return url.origin;
}
