import type { Logger } from "../log.js";

/** What in an address is secret: its user and password, and the values of its query. */
export function secretsOfAddress(address: string): string[] {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return [];
  }
  const found = [url.password, url.username && url.password ? `${url.username}:${url.password}` : "", ...url.searchParams.values()];
  return found.map((s) => [s, decodeURIComponent(s)]).flat();
}

/**
 * The last line of defence: the secrets the service holds (tokens, the backend's address and
 * token, sources' headers) are struck from every log line and every health report, whatever
 * message an error from a library happens to carry.
 */
export class SecretRedactor {
  private readonly groups = new Map<string, string[]>();
  private all: string[] = [];

  /** Replaces one group of secrets (the configuration's; sources.json's, on each reload). */
  set(group: string, secrets: Iterable<string>): void {
    // Short strings would strike ordinary words: a secret worth the name is longer.
    this.groups.set(group, [...secrets].filter((s) => s.length >= 6));
    this.all = [...new Set([...this.groups.values()].flat())].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.all) if (out.includes(s)) out = out.split(s).join("[redacted]");
    return out;
  }

  /** Every string inside a JSON-like value redacted (a report, a log line's fields). */
  redactDeep<T>(value: T): T {
    if (typeof value === "string") return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.redactDeep(v)) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactDeep(v)])) as T;
    return value;
  }

  logger(log: Logger): Logger {
    return (level, message, fields) => log(level, this.redact(message), fields && this.redactDeep(fields));
  }
}
