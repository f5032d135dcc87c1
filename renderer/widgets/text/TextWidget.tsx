import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
import { pickText } from "../../../electron/common/localized-text.js";
import type { TextOptions } from "../../../electron/common/widgets/text-options.js";
import type { WidgetProps } from "../widget-props.js";
import "./text.css";

/** The largest text may grow over its `size`, which is its smallest. */
const MAX_GROWTH = 2.2;

/**
 * Text as large as its frame allows: from the size the layout gives (its floor) up to 2.2 times
 * that, the largest size at which every line still fits (a binary search over laid-out sizes).
 */
function useFittedText(box: RefObject<HTMLDivElement | null>, content: RefObject<HTMLDivElement | null>, key: string) {
  useLayoutEffect(() => {
    let live = true;
    const fit = () => {
      const outer = box.current;
      const inner = content.current;
      if (!live || !outer || !inner) return;
      const pad = getComputedStyle(outer);
      const room = { width: outer.clientWidth - parseFloat(pad.paddingLeft) - parseFloat(pad.paddingRight), height: outer.clientHeight - parseFloat(pad.paddingTop) - parseFloat(pad.paddingBottom) };
      inner.style.fontSize = "";
      const floor = parseFloat(getComputedStyle(inner).fontSize);
      const fits = (px: number) => {
        inner.style.fontSize = `${px}px`;
        return inner.scrollHeight <= room.height && inner.scrollWidth <= room.width;
      };
      let lo = floor;
      let hi = floor * MAX_GROWTH;
      if (fits(hi)) lo = hi;
      else
        for (let i = 0; i < 8; i++) {
          const mid = (lo + hi) / 2;
          if (fits(mid)) lo = mid;
          else hi = mid;
        }
      inner.style.fontSize = `${Math.floor(lo)}px`;
    };
    fit();
    // Measured again once the bundled font is in: its glyphs are wider than the fallback's
    // (a document without a font set, as in unit tests, has nothing to wait for).
    if ("fonts" in document) void document.fonts.ready.then(fit);
    return () => {
      live = false;
    };
  }, [box, content, key]);
}

/** Content is always rendered as text: React escapes it; nothing here is parsed as HTML. */
export default function TextWidget({ options, width, height, language, setStatus }: WidgetProps<TextOptions>) {
  useEffect(() => {
    setStatus("ready");
  }, [setStatus]);
  const heading = pickText(options.heading, language);
  const body = pickText(options.body, language);
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useFittedText(box, content, `${heading}|${body}|${width}|${height}|${options.size}`);
  return (
    <div ref={box} className={`text-widget text-align-${options.align}`}>
      <div ref={content} className={`text-fit text-${options.size}`}>
        {heading && <div className="text-heading">{heading}</div>}
        {body && <div className="text-body">{body}</div>}
      </div>
    </div>
  );
}
