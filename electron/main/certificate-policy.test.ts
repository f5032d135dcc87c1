import { describe, expect, it } from "vitest";
import { certificateFingerprint, pinnedFingerprint, trustCertificateError } from "./certificate-policy.js";

// Two throw-away self-signed test certificates (their keys were discarded).
const PINNED = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUKgAwIBAgIUbyxJ5uExPrTA7yXsov3w9yUIPzgwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPaW9jLXdhbGwtdGVzdC1hMCAXDTI2MTEzMDE1MjYxM1oYDzIx
MjYxMTA2MTUyNjEzWjAaMRgwFgYDVQQDDA9pb2Mtd2FsbC10ZXN0LWEwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAARuxjK+r6a6agtVKdW6Uw3boSTDEaKdkhuuR6ch
FPRI+PAj6JDEkclugUCvjHjAwf9z3ZmqSl6BZlKxCvGXbd0no2QwYjAdBgNVHQ4E
FgQUdE0KPOrxjE/Oisx1wo+dkh6CU48wHwYDVR0jBBgwFoAUdE0KPOrxjE/Oisx1
wo+dkh6CU48wDwYDVR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqG
SM49BAMCA0gAMEUCIQD9x640IaEfqJWkuCPjyj1GLLKFLng60ZzC0dSRti5QaAIg
IaMhESXBZ+YBDhnzU2X1Og4Ow1cy9MIVWZC/B9VuKlA=
-----END CERTIFICATE-----
`;
const OTHER = `-----BEGIN CERTIFICATE-----
MIIBnTCCAUKgAwIBAgIUGgL4gi1EAfCIKEl5vHiTIV6dj6IwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPaW9jLXdhbGwtdGVzdC1iMCAXDTI2MTEzMDE1MjYxM1oYDzIx
MjYxMTA2MTUyNjEzWjAaMRgwFgYDVQQDDA9pb2Mtd2FsbC10ZXN0LWIwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAASRRznXo9nFX/GaoSdw20M+zbonRom6GZab5t3x
ZAJtjaak/VcNrOUd9zwTVRUsbNul0VB2Y7bJTg0Jc6Ayf4WPo2QwYjAdBgNVHQ4E
FgQUBhP5Gd37rGM84cyMvR/RAhAtLnUwHwYDVR0jBBgwFoAUBhP5Gd37rGM84cyM
vR/RAhAtLnUwDwYDVR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqG
SM49BAMCA0kAMEYCIQCIJ68iKkisbjSa5EdynuUX935iSVS1fs6rIdRXRCJJAQIh
AN5UVWh3Oojr4cxh0WlkSGK8JXOZy8nESfCKa4Y5MBpC
-----END CERTIFICATE-----
`;
const SERVICE = "https://127.0.0.1:8443";
const SERVICES = [SERVICE];
const pin = certificateFingerprint(PINNED);

describe("certificate fingerprint", () => {
  it("is the SHA-256 of the certificate, whatever the line endings or surrounding text", () => {
    expect(pin).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(certificateFingerprint(PINNED.replace(/\n/g, "\r\n"))).toBe(pin);
    expect(certificateFingerprint(`subject=CN = ioc-wall-test-a\n${PINNED}`)).toBe(pin);
    expect(certificateFingerprint(OTHER)).not.toBe(pin);
  });

  it("is null for what is not a certificate", () => {
    expect(certificateFingerprint("")).toBeNull();
    expect(certificateFingerprint("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")).toBeNull();
  });
});

describe("certificate-error policy", () => {
  it("trusts the pinned certificate on the service's origin", () => {
    expect(trustCertificateError("https://127.0.0.1:8443/wall/D1", SERVICES, PINNED, pin)).toBe(true);
    expect(trustCertificateError("https://127.0.0.1:8443/assets/app.js", SERVICES, PINNED.replace(/\n/g, "\r\n"), pin)).toBe(true);
    expect(trustCertificateError("wss://127.0.0.1:8443/socket.io/?EIO=4&transport=websocket", SERVICES, PINNED, pin)).toBe(true);
  });

  it("refuses any other certificate on the service's origin", () => {
    expect(trustCertificateError("https://127.0.0.1:8443/wall/D1", SERVICES, OTHER, pin)).toBe(false);
    expect(trustCertificateError("https://127.0.0.1:8443/wall/D1", SERVICES, "", pin)).toBe(false);
  });

  it("refuses the pinned certificate anywhere else", () => {
    for (const url of ["https://127.0.0.1:9443/wall/D1", "wss://127.0.0.1:9443/socket.io/", "ws://127.0.0.1:8443/socket.io/", "https://localhost:8443/wall/D1", "https://evil.example/", "http://127.0.0.1:8443/", "not a url"]) {
      expect(trustCertificateError(url, SERVICES, PINNED, pin), url).toBe(false);
    }
  });

  it("refuses everything when no certificate is pinned or the service is not known yet", () => {
    expect(trustCertificateError("https://127.0.0.1:8443/wall/D1", SERVICES, PINNED, null)).toBe(false);
    expect(trustCertificateError("https://127.0.0.1:8443/wall/D1", [], PINNED, pin)).toBe(false);
    expect(trustCertificateError("https://127.0.0.1:8443/wall/D1", [""], PINNED, pin)).toBe(false);
    expect(trustCertificateError("https://127.0.0.1:8443/wall/D1", ["http://127.0.0.1:8443"], PINNED, pin)).toBe(false);
  });
});

describe("certificate-error policy with several primaries (a follower's --primary)", () => {
  const PRIMARIES = ["https://wall-1.example:8443", "https://127.0.0.1:8443/"];

  it("trusts the pinned certificate on each of them, pages and sockets", () => {
    for (const url of ["https://wall-1.example:8443/wall/D1", "wss://wall-1.example:8443/socket.io/", "https://127.0.0.1:8443/wall/D1", "wss://127.0.0.1:8443/socket.io/"]) {
      expect(trustCertificateError(url, PRIMARIES, PINNED, pin), url).toBe(true);
    }
  });

  it("still refuses another certificate on them, and the pinned one anywhere else", () => {
    expect(trustCertificateError("https://wall-1.example:8443/wall/D1", PRIMARIES, OTHER, pin)).toBe(false);
    for (const url of ["https://wall-2.example:8443/wall/D1", "https://wall-1.example/wall/D1", "http://wall-1.example:8443/wall/D1"]) {
      expect(trustCertificateError(url, PRIMARIES, PINNED, pin), url).toBe(false);
    }
  });
});

describe("WALL_TLS_CERT", () => {
  it("pins nothing when unset", () => {
    expect(pinnedFingerprint(undefined)).toBeNull();
    expect(pinnedFingerprint("")).toBeNull();
  });

  it("pins the file's certificate", () => {
    expect(pinnedFingerprint("/etc/wall/cert.pem", () => PINNED)).toBe(pin);
  });

  it("says which file cannot be read or holds no certificate", () => {
    const missing = () => {
      throw new Error("ENOENT: no such file or directory");
    };
    expect(() => pinnedFingerprint("/nope/cert.pem", missing)).toThrow("WALL_TLS_CERT: cannot read /nope/cert.pem (ENOENT: no such file or directory)");
    expect(() => pinnedFingerprint("/etc/wall/key.pem", () => "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")).toThrow(
      "WALL_TLS_CERT: /etc/wall/key.pem holds no PEM certificate",
    );
  });
});
