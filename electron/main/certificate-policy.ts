import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { isServiceOrigin } from "./service-origins.js";

/** SHA-256 fingerprint of the first certificate in a PEM text (a file may hold a chain), or null when it is not one. */
export function certificateFingerprint(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}

/**
 * Whether to override Chromium's refusal of a certificate: only for the service's own origins
 * (the in-process service's, or every primary a follower was given), and only when the
 * certificate presented is exactly the one pinned in WALL_TLS_CERT (the service's self-signed
 * certificate). Anything else keeps the default: refused.
 */
export function trustCertificateError(url: string, serviceOrigins: readonly string[], presentedPem: string, pinnedFingerprint: string | null): boolean {
  if (!pinnedFingerprint) return false;
  let origin: string;
  try {
    const u = new URL(url);
    // The display page's socket (wss:) reaches the same server, with the same certificate.
    if (u.protocol === "wss:") u.protocol = "https:";
    origin = u.origin;
  } catch {
    return false;
  }
  if (!origin.startsWith("https:") || !isServiceOrigin(origin, serviceOrigins)) return false;
  return certificateFingerprint(presentedPem) === pinnedFingerprint;
}

/**
 * The fingerprint of the certificate in WALL_TLS_CERT, or null when it is unset. A set but
 * unreadable or malformed file is an error: the windows would otherwise refuse the service with
 * nothing to say why.
 */
export function pinnedFingerprint(certPath: string | undefined, read: (p: string) => string = (p) => readFileSync(p, "utf8")): string | null {
  if (!certPath) return null;
  let pem: string;
  try {
    pem = read(certPath);
  } catch (e) {
    throw new Error(`WALL_TLS_CERT: cannot read ${certPath} (${(e as Error).message})`);
  }
  const fingerprint = certificateFingerprint(pem);
  if (!fingerprint) throw new Error(`WALL_TLS_CERT: ${certPath} holds no PEM certificate`);
  return fingerprint;
}
