import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

/**
 * How many of a list's items to show so that each is whole inside the list's box: a wall shows
 * fewer items rather than a half-cut one. Measured after each layout; `key` names the content and
 * size, and a new key starts again from all items.
 */
export function useWholeItems<E extends HTMLElement>(key: string, count: number): { ref: RefObject<E | null>; shown: number } {
  const ref = useRef<E>(null);
  // Measured again once the bundled font is in: its lines are not the fallback's.
  const [fontsIn, setFontsIn] = useState(() => !("fonts" in document) || document.fonts.status === "loaded");
  useEffect(() => {
    let live = true;
    if (!fontsIn && "fonts" in document) void document.fonts.ready.then(() => live && setFontsIn(true));
    return () => {
      live = false;
    };
  }, [fontsIn]);
  const laidOut = `${key}|${fontsIn}`;
  const [fitted, setFitted] = useState<{ key: string; n: number }>();
  const shown = fitted?.key === laidOut ? Math.min(fitted.n, count) : count;
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const bottom = list.getBoundingClientRect().bottom;
    const whole = [...list.children].filter((c) => c.getBoundingClientRect().bottom <= bottom + 1).length;
    if (whole < list.children.length) setFitted({ key: laidOut, n: whole });
  }, [laidOut, shown]);
  return { ref, shown };
}
