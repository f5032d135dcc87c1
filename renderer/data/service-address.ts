/**
 * Where the page's service is now. A page starts on the instance that served it; when that one dies
 * and the page moves its sockets to another instance of the wall, whatever it fetches from the
 * service afterwards (demo streams, the basemap, the operator's tiles, REST calls) goes there too.
 * "" while it is the page's own origin: addresses stay relative, as they were written.
 */
let movedTo = "";

export function setServiceOrigin(origin: string): void {
  movedTo = origin === window.location.origin ? "" : origin;
}

/** An address as written in the files: a path on the service (`/streams/…`) goes to the live instance; any other is left as it is. */
export function serviceAddress(address: string): string {
  return movedTo && address.startsWith("/") && !address.startsWith("//") ? `${movedTo}${address}` : address;
}

/**
 * An absolute address on the page's own instance, moved to the live one (a map's tiles: its style
 * was made before the move, its tiles are asked for after it); any other is left as it is.
 */
export function rehome(url: string): string {
  const own = `${window.location.origin}/`;
  return movedTo && url.startsWith(own) ? `${movedTo}/${url.slice(own.length)}` : url;
}

/** The base that relative addresses resolve against: the live instance. */
export function serviceBase(): string {
  return movedTo ? `${movedTo}/` : window.location.href;
}
