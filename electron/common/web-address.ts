import { z } from "zod";

/**
 * Addresses that files name (camera streams, map tiles) are parsed here, once, when the file is
 * read: what the service later does with them (the CSP's origins, health reports) can never throw.
 */

/** The WHATWG URL parser: Node and Chromium both have it; lib ES2023 does not declare it. */
interface WhatwgUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly origin: string;
  readonly pathname: string;
}
const WebUrl = (globalThis as unknown as { URL: new (input: string, base?: string) => WhatwgUrl }).URL;

function parse(text: string, base?: string): WhatwgUrl | undefined {
  try {
    return new WebUrl(text, base);
  } catch {
    return undefined;
  }
}

/** A host a CSP source can name: a DNS name or an IP literal (a `{s}` template host is not one). */
const plainHost = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/** The origin (`https://host:port`) of an absolute http(s) address; undefined for anything else. */
export function webOrigin(text: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(text)) return undefined;
  const url = parse(text);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !plainHost.test(url.hostname)) return undefined;
  return url.origin;
}

/** A path on the wall service itself (`/streams/…`); `//host/…` is another host, not a path. */
function isServicePath(text: string): boolean {
  return /^\/(?!\/)[^\s]*$/.test(text) && parse(text, "http://service.invalid") !== undefined;
}

/**
 * An address a display fetches: absolute http(s) that parses (host, port 1–65535), or a path on
 * the service. The message never quotes the address: it may carry a password or a key.
 */
export const fetchAddressSchema = z
  .string()
  .max(2000)
  .refine((u) => isServicePath(u) || webOrigin(u) !== undefined, "not a usable address: an http(s) URL with a valid host and port (1–65535), or a path starting with /");

/**
 * The address without what may be secret (user and password, query, fragment), for reports a
 * viewer reads: `https://user:pw@vms/cam/1.m3u8?key=…` → `https://vms/cam/1.m3u8`.
 */
export function redactAddress(text: string): string {
  const origin = webOrigin(text);
  if (origin) return origin + parse(text)!.pathname;
  return isServicePath(text) ? text.replace(/[?#].*$/s, "") : "[address]";
}

/** Every address inside a text (an error message from a player) redacted. */
export function redactAddressesIn(text: string): string {
  return text.replace(/https?:\/\/[^\s"'<>]+/gi, (url) => redactAddress(url));
}
