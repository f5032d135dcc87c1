import type { RequestHandler } from "express";

/**
 * The one Content-Security-Policy of every page the service serves (display windows, console):
 * only our own scripts, styles, fonts and sockets; no inline script, no eval, no framing.
 */
export function contentSecurityPolicy(mediaOrigins: readonly string[] = []): string {
  const media = mediaOrigins.length > 0 ? ` ${mediaOrigins.join(" ")}` : "";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    // maplibre decodes tiles and icons into data: and blob: images.
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    // hls.js's transmuxer and maplibre's tile workers are made from blobs.
    "worker-src 'self' blob:",
    // Camera streams (cameras.json) and map tiles (layouts) on other hosts: only those origins.
    `connect-src 'self'${media}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** `mediaOrigins`: the origins of camera streams and map tiles, read at each request. */
export const securityHeaders = (mediaOrigins: () => readonly string[] = () => []): RequestHandler => (_req, res, next) => {
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(mediaOrigins()));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
};
