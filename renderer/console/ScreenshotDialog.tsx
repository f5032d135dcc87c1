import { useCallback, useEffect, useRef, useState } from "react";
import type { Language } from "../../electron/common/localized-text.js";
import { formatTime } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import { ApiError, api } from "./api-client.js";

type Shot = { state: "loading" } | { state: "shown"; url: string; at: number } | { state: "failed"; status: number };

/** Why there is no picture, in the operator's words (the service's statuses: 501 a browser display, 503 gone, 504 silent). */
function failure(status: number): "screenshotBrowser" | "screenshotGone" | "screenshotSilent" | "screenshotFailed" {
  return status === 501 ? "screenshotBrowser" : status === 503 ? "screenshotGone" : status === 504 ? "screenshotSilent" : "screenshotFailed";
}

/**
 * What one display shows now, captured by its controller and shown over the console; taken again
 * on request, closed by its button or Escape. The picture's object URL is released with it.
 */
export function ScreenshotDialog({ displayId, token, language, onClose }: { displayId: string; token: string; language: Language; onClose: () => void }) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  const [shot, setShot] = useState<Shot>({ state: "loading" });
  // Only the latest request's answer is shown, and none after the dialog closed (no picture made for nobody).
  const latest = useRef(0);
  const take = useCallback(() => {
    const n = ++latest.current;
    setShot({ state: "loading" });
    api.screenshot(token, displayId).then(
      ({ jpeg, at }) => n === latest.current && setShot({ state: "shown", url: URL.createObjectURL(jpeg), at }),
      (e: unknown) => n === latest.current && setShot({ state: "failed", status: e instanceof ApiError ? e.status : 0 }),
    );
  }, [token, displayId]);
  useEffect(() => {
    take();
    return () => {
      latest.current += 1;
    };
  }, [take]);
  const url = shot.state === "shown" ? shot.url : undefined;
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="screenshot-backdrop" role="dialog" aria-modal="true" aria-label={t("screenshotOf", { display: displayId })} data-screenshot-dialog={displayId} data-screenshot-state={shot.state} data-captured-at={shot.state === "shown" ? shot.at : undefined}>
      <figure className="screenshot-figure">
        <figcaption>
          <strong>{t("screenshotOf", { display: displayId })}</strong>
          {shot.state === "shown" && <span className="muted"> · {t("takenAt", { time: formatTime(shot.at, language, false, true) })}</span>}
          <span className="screenshot-actions">
            <button type="button" onClick={take} disabled={shot.state === "loading"}>
              {t("takeAgain")}
            </button>
            <button type="button" onClick={onClose}>
              {t("close")}
            </button>
          </span>
        </figcaption>
        {shot.state === "loading" && <p className="screenshot-message">{t("screenshotTaking", { display: displayId })}</p>}
        {shot.state === "failed" && (
          <p className="screenshot-message" data-screenshot-error={shot.status}>
            {t(failure(shot.status), { display: displayId, status: shot.status })}
          </p>
        )}
        {shot.state === "shown" && <img src={shot.url} alt={t("screenshotOf", { display: displayId })} />}
      </figure>
    </div>
  );
}
