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

/**
 * Maps physical outputs onto wall displays. A wall display with `output: n` takes the n-th
 * output in reading order; the others take the remaining outputs in reading order, matched
 * with the wall displays in their own reading order (row, then column).
 */
export function mapDisplays(outputs: readonly DisplayLike[], wallDisplays: readonly WallDisplay[], only?: readonly string[]): DisplayMapping {
  const ordered = outputsInReadingOrder(outputs);
  const wanted = wallDisplays.filter((d) => !only || only.includes(d.id)).sort((a, b) => a.row - b.row || a.col - b.col);
  const taken = new Set<DisplayLike>();
  const assignments: DisplayAssignment[] = [];
  const rest: WallDisplay[] = [];
  for (const d of wanted) {
    const explicit = d.output !== undefined ? ordered[d.output] : undefined;
    if (explicit && !taken.has(explicit)) {
      taken.add(explicit);
      assignments.push({ displayId: d.id, output: explicit });
    } else rest.push(d);
  }
  const free = ordered.filter((o) => !taken.has(o));
  const unassigned: string[] = [];
  for (const d of rest) {
    const output = free.shift();
    if (output) assignments.push({ displayId: d.id, output });
    else unassigned.push(d.id);
  }
  return { assignments, unassigned, unused: free };
}
