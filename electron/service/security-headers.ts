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

const NO_ORIGINS: readonly string[] = [];

/** `mediaOrigins`: the origins of camera streams and map tiles, asked at each request (it caches them). */
export const securityHeaders = (mediaOrigins: () => readonly string[] = () => NO_ORIGINS, tls = false): RequestHandler => {
  // The policy text is rebuilt only when the origins list is a new one.
  let origins: readonly string[] | undefined;
  let policy = "";
  return (_req, res, next) => {
    const now = mediaOrigins();
    if (now !== origins) [origins, policy] = [now, contentSecurityPolicy(now)];
    res.setHeader("Content-Security-Policy", policy);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    // Served over TLS: browsers that have seen it once never fall back to cleartext.
    if (tls) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    next();
  };
};
