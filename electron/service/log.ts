import pino, { type DestinationStream } from "pino";

export type LogLevel = "info" | "warn" | "error";
export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/**
 * JSON lines (pino): `{"level":"info","time":"2026-12-01T02:00:00.000Z","msg":"layout switched",
 * "layoutId":"economy",…}`, one per event, for journald, a file and whatever reads them.
 */
export function jsonLogger(stream: DestinationStream): Logger {
  const p = pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  return (level, message, fields) => p[level](fields ?? {}, message);
}

/** For a person at a terminal: timestamp, level, message, then key=value fields. */
export const plainLogger: Logger = (level, message, fields) => {
  const extra = fields
    ? " " +
      Object.entries(fields)
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join(" ")
    : "";
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${extra}\n`);
};

/** On stderr: plain lines in a terminal, JSON lines everywhere else (a supervisor, journald, a pipe). */
export const consoleLogger: Logger = process.stderr.isTTY ? plainLogger : jsonLogger(pino.destination({ fd: 2, sync: true }));

/** Both at once: the console and a file. */
export function bothLoggers(a: Logger, b: Logger): Logger {
  return (level, message, fields) => {
    a(level, message, fields);
    b(level, message, fields);
  };
}

/**
 * JSON lines into `file`, rolled at 10 MB with the last 5 kept (WALL_LOG_FILE): a wall that runs
 * for months never fills its disk with its log.
 */
export async function rolledFileLogger(file: string): Promise<Logger> {
  const { default: roll } = await import("pino-roll");
  return jsonLogger(await roll({ file, size: "10m", limit: { count: 5 }, mkdir: true }));
}

export const silentLogger: Logger = () => {};
