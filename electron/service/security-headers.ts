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
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    // hls.js runs its transmuxer in a worker made from a blob.
    "worker-src 'self' blob:",
    // Camera streams on other hosts (cameras.json) are fetched by hls.js: only those origins.
    `connect-src 'self'${media}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** `mediaOrigins`: the origins of the camera catalog's streams, read at each request. */
export const securityHeaders = (mediaOrigins: () => readonly string[] = () => []): RequestHandler => (_req, res, next) => {
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(mediaOrigins()));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
};
