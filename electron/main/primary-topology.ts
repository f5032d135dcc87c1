import { z } from "zod";
import { wallStateSchema } from "../common/protocol.js";
import type { WallTopology } from "../common/topology.js";

/** A primary refused the credential (401): a configuration error, which no other primary would fix. */
export class CredentialRefused extends Error {
  override readonly name = "CredentialRefused";
}

const topologyResponse = z.object({ topology: wallStateSchema.shape.topology });

/**
 * The primary's topology from its /api/wall, which wants a credential: the display token
 * (WALL_DISPLAY_TOKEN) is sent as a bearer token. A 401 says which of the two is wrong, the
 * missing or the refused token, without ever spelling the token.
 */
export async function fetchPrimaryTopology(primary: string, token: string | undefined, fetchFn: typeof fetch = fetch): Promise<WallTopology> {
  const url = `${primary}/api/wall`;
  const res = await fetchFn(url, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  if (res.status === 401) {
    throw new CredentialRefused(
      token
        ? `${url} refused the display token (401): WALL_DISPLAY_TOKEN must be the primary's display token`
        : `${url} wants a credential (401) and WALL_DISPLAY_TOKEN is not set: set it to the primary's display token`,
    );
  }
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return topologyResponse.parse(await res.json()).topology;
}
