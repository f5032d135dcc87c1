import type { BreakdownValue } from "../../../electron/common/feed-protocol.js";

export function sortItems(items: BreakdownValue["items"], sort: "desc" | "asc" | "none", limit: number): BreakdownValue["items"] {
  const sorted = sort === "none" ? items : [...items].sort((a, b) => (sort === "desc" ? b.value - a.value : a.value - b.value));
  return sorted.slice(0, limit);
}
