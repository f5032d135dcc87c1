import type { Page } from "@playwright/test";

/** A piece of text a person could not read on the wall, and why. */
export interface TextProblem {
  problem: "cut" | "small" | "overlap" | "hidden" | "contrast";
  text: string;
  tile: string | null;
  detail: string;
}

/**
 * Walks every text node a display shows and reports what a person at the back of the room would
 * miss: a line cut by the window's edge (a bezel) or by its tile's, text under `minPx` display pixels, and two
 * pieces of text drawn over each other, text with less than 4.5:1 contrast against what is behind
 * it, and text the simulated-data mark hides. Text beneath the
 * switching cover (a prepared layout) and text hidden by CSS or under a passing overlay (offline,
 * briefing step) do not count.
 */
export function findTextProblems(page: Page, minPx = 24): Promise<TextProblem[]> {
  return page.evaluate((min) => {
    // WCAG 2: the contrast of a text's colour with what is behind it, both as drawn (alpha and
    // opacity composed over the backgrounds beneath, down to the page's).
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba | undefined => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
    };
    const over = (top: Rgba, under: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])).concat(1) as Rgba;
    const backdrop = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg && bg[3] > 0) layers.push(bg);
        if (bg && bg[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [0, 0, 0, 1]);
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (el: Element): number | undefined => {
      const style = getComputedStyle(el);
      const ink = parse(el instanceof SVGElement ? style.fill : style.color);
      if (!ink) return undefined;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const back = backdrop(el);
      const drawn = over([ink[0], ink[1], ink[2], ink[3] * opacity], back);
      const [a, b] = [luminance(drawn), luminance(back)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    };
    // What a person sees a moment later: an item sliding in (0,6 s) is judged as it settles.
    for (const a of document.getAnimations()) if (a.effect?.getComputedTiming().iterations !== Infinity) a.finish();
    const W = window.innerWidth;
    const H = window.innerHeight;
    const problems: TextProblem[] = [];
    const canvas = document.querySelector<HTMLElement>(".wall-canvas");
    // The wall canvas is scaled to the window: sizes are judged in the display's own pixels.
    const scale = canvas ? canvas.getBoundingClientRect().width / canvas.offsetWidth || 1 : 1;
    const seen: Array<{ r: DOMRect; text: string; tile: string | null; node: Text; pill: boolean }> = [];
    const hidden = (el: Element): boolean => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.visibility === "hidden" || s.display === "none" || Number(s.opacity) === 0) return true;
        if (e.classList.contains("tile-preparing")) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.textContent?.trim() ?? "";
      const el = node.parentElement;
      if (!text || !el || el.closest("script,style,title") || hidden(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      const tile = el.closest("[data-tile-id]")?.getAttribute("data-tile-id") ?? null;
      let onScreen = false;
      // Text under an opaque overlay (the wall's pills in a corner) is not seen, so not judged.
      const onTop = (r: DOMRect) => {
        const top = document.elementFromPoint(Math.min(W - 1, Math.max(0, (r.left + r.right) / 2)), Math.min(H - 1, Math.max(0, (r.top + r.bottom) / 2)));
        return !top || top === el || el.contains(top) || top.contains(el);
      };
      for (const r of rects) {
        const inside = r.left >= -0.5 && r.top >= -0.5 && r.right <= W + 0.5 && r.bottom <= H + 0.5;
        const outside = r.right <= 0.5 || r.bottom <= 0.5 || r.left >= W - 0.5 || r.top >= H - 0.5;
        if (!inside && !outside) problems.push({ problem: "cut", text, tile, detail: `line at x ${Math.round(r.left)}..${Math.round(r.right)}, y ${Math.round(r.top)}..${Math.round(r.bottom)} in a ${W}×${H} window` });
        // Cut by its own frame: a list longer than its tile, a word running out of its box.
        const frame = el.closest(".tile-frame")?.getBoundingClientRect();
        if (inside && frame) {
          const inFrame = r.left >= frame.left - 1 && r.top >= frame.top - 1 && r.right <= frame.right + 1 && r.bottom <= frame.bottom + 1;
          const outOfFrame = r.right <= frame.left + 1 || r.bottom <= frame.top + 1 || r.left >= frame.right - 1 || r.top >= frame.bottom - 1;
          if (!inFrame && !outOfFrame) problems.push({ problem: "cut", text, tile, detail: `line at x ${Math.round(r.left)}..${Math.round(r.right)}, y ${Math.round(r.top)}..${Math.round(r.bottom)} crosses its tile's edge` });
        }
        // The simulated-data mark stays for as long as the simulator feeds the wall: what it covers is lost.
        const probes = [[0.5, 0.5], [0.05, 0.5], [0.95, 0.5]].map(([fx, fy]) => document.elementFromPoint(Math.min(W - 1, r.left + fx! * r.width), Math.min(H - 1, r.top + fy! * r.height)));
        if (inside && !el.closest(".simulated-mark") && probes.some((e) => e?.closest(".simulated-mark"))) problems.push({ problem: "hidden", text, tile, detail: "under the simulated-data mark" });
        if (inside && onTop(r)) {
          onScreen = true;
          seen.push({ r, text, tile, node, pill: el.closest(".simulated-mark, .offline-marker, .briefing-position") !== null });
        }
      }
      if (!onScreen) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) px *= el.closest("svg")?.getScreenCTM()?.a ?? 1;
      else px *= scale;
      const displayPx = px / scale;
      if (displayPx < min - 0.5) problems.push({ problem: "small", text, tile, detail: `${displayPx.toFixed(1)} px` });
      const ratio = contrast(el);
      if (ratio !== undefined && ratio < 4.5) problems.push({ problem: "contrast", text, tile, detail: `${ratio.toFixed(2)}:1` });
    }
    for (let i = 0; i < seen.length; i++) {
      for (let j = i + 1; j < seen.length; j++) {
        const a = seen[i]!;
        const b = seen[j]!;
        // The wall's own pills (simulated data, offline, briefing step) sit over a corner on purpose,
        // opaque: they hide what is beneath rather than being read over it.
        if (a.node === b.node || a.pill || b.pill) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        // Line boxes of neighbouring lines may touch; glyphs drawn over glyphs overlap by much more.
        if (w > 2 && h > 0.3 * Math.min(a.r.height, b.r.height)) {
          problems.push({ problem: "overlap", text: `${a.text} / ${b.text}`, tile: a.tile === b.tile ? a.tile : `${a.tile} / ${b.tile}`, detail: `${Math.round(w)}×${Math.round(h)} px` });
        }
      }
    }
    return problems;
  }, minPx);
}
