import type { WallDisplay } from "../common/topology.js";
import type { DisplayLike } from "./display-like.js";

export interface DisplayAssignment {
  displayId: string;
  output: DisplayLike;
}

export interface DisplayMapping {
  assignments: DisplayAssignment[];
  /** Wall displays this controller should drive but has no output for. */
  unassigned: string[];
  /** Outputs left over. */
  unused: DisplayLike[];
}

/**
 * Outputs in reading order: rows top to bottom (outputs whose vertical centres lie within half
 * a height of each other share a row), then left to right.
 */
export function outputsInReadingOrder(outputs: readonly DisplayLike[]): DisplayLike[] {
  const byTop = [...outputs].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x);
  const rows: DisplayLike[][] = [];
  for (const o of byTop) {
    const centre = o.bounds.y + o.bounds.height / 2;
    const row = rows.find((r) => {
      const first = r[0]!;
      return Math.abs(first.bounds.y + first.bounds.height / 2 - centre) < Math.min(first.bounds.height, o.bounds.height) / 2;
    });
    if (row) row.push(o);
    else rows.push([o]);
  }
  return rows.flatMap((r) => r.sort((a, b) => a.bounds.x - b.bounds.x));
}

/** An output's stable identity: the id the OS derives from its monitor's EDID and its connector. */
export function outputIdentity(output: DisplayLike): string {
  return String(output.id);
}

/** Which output drove each wall display last time, by identity: what a controller remembers. */
export type RememberedOutputs = Readonly<Record<string, string>>;

export interface IdentityMapping extends DisplayMapping {
  /** What to remember from now on: the last output each display had, kept while it is gone. */
  remembered: Record<string, string>;
}

/**
 * Maps physical outputs onto wall displays by identity, so that an output unplugged or switched
 * off never moves the others (positions shift when one goes; identities do not):
 *
 * 1. a display whose `output` names an identity (an output's id or its monitor's label) takes
 *    that output, or none while it is gone;
 * 2. a display that had an output before takes it again, or none while it is gone;
 * 3. a display with `output: n` takes the n-th output in reading order, if no display has it;
 * 4. the displays left, in their reading order, take outputs no display has ever had, in reading
 *    order (a first start, or a monitor replaced).
 *
 * A display without an output is reported `unassigned`; it gets its output back when it returns.
 */
export function mapDisplays(outputs: readonly DisplayLike[], wallDisplays: readonly WallDisplay[], only?: readonly string[], remembered: RememberedOutputs = {}): IdentityMapping {
  const ordered = outputsInReadingOrder(outputs);
  const wanted = wallDisplays.filter((d) => !only || only.includes(d.id)).sort((a, b) => a.row - b.row || a.col - b.col);
  const taken = new Set<DisplayLike>();
  const assigned = new Map<string, DisplayLike>();
  const give = (d: WallDisplay, o: DisplayLike | undefined) => {
    if (!o || taken.has(o) || assigned.has(d.id)) return;
    taken.add(o);
    assigned.set(d.id, o);
  };
  const named = (d: WallDisplay) => typeof d.output === "string";
  // 1. Named in wall.json: that output or none.
  for (const d of wanted.filter(named)) give(d, ordered.find((o) => outputIdentity(o) === d.output || o.label === d.output));
  // 2. Remembered: the output the display had, or none while it is away.
  const waiting = new Set<string>();
  for (const d of wanted.filter((d) => !named(d))) {
    const had = remembered[d.id];
    if (had === undefined) continue;
    const o = ordered.find((x) => outputIdentity(x) === had);
    if (o) give(d, o);
    else waiting.add(d.id);
  }
  // Outputs some display remembers are kept for it, even while that display waits for its own.
  const claimed = new Set(wanted.flatMap((d) => (remembered[d.id] === undefined ? [] : [remembered[d.id]!])));
  const fresh = (o: DisplayLike) => !taken.has(o) && !claimed.has(outputIdentity(o));
  // 3. By position, among outputs no display remembers.
  for (const d of wanted) if (typeof d.output === "number" && !assigned.has(d.id) && !waiting.has(d.id) && ordered[d.output] && fresh(ordered[d.output]!)) give(d, ordered[d.output]);
  // 4. The rest, in reading order, onto outputs never seen. A display waiting for its own output
  // takes a new one only when its own has been replaced (more new outputs than the others need).
  const left = wanted.filter((d) => !assigned.has(d.id) && !named(d));
  const newcomers = left.filter((d) => !waiting.has(d.id));
  const free = ordered.filter(fresh);
  for (const d of newcomers) give(d, free.shift());
  for (const d of left.filter((d) => waiting.has(d.id))) give(d, free.shift());
  // Displays no longer on this wall (or this controller's part of it) are forgotten.
  const next: Record<string, string> = Object.fromEntries(wanted.flatMap((d) => (remembered[d.id] === undefined ? [] : [[d.id, remembered[d.id]!]])));
  for (const [id, o] of assigned) next[id] = outputIdentity(o);
  return {
    assignments: wanted.filter((d) => assigned.has(d.id)).map((d) => ({ displayId: d.id, output: assigned.get(d.id)! })),
    unassigned: wanted.filter((d) => !assigned.has(d.id)).map((d) => d.id),
    unused: ordered.filter((o) => !taken.has(o)),
    remembered: next,
  };
}
