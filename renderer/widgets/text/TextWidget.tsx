import { useEffect } from "react";
import { pickText } from "../../../electron/common/localized-text.js";
import type { TextOptions } from "../../../electron/common/widgets/text-options.js";
import type { WidgetProps } from "../widget-props.js";
import "./text.css";

/** Content is always rendered as text: React escapes it; nothing here is parsed as HTML. */
export default function TextWidget({ options, language, setStatus }: WidgetProps<TextOptions>) {
  useEffect(() => {
    setStatus("ready");
  }, [setStatus]);
  const heading = pickText(options.heading, language);
  const body = pickText(options.body, language);
  return (
    <div className={`text-widget text-${options.size} text-align-${options.align}`}>
      {heading && <div className="text-heading">{heading}</div>}
      {body && <div className="text-body">{body}</div>}
    </div>
  );
}
