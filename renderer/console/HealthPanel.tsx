import { useCallback, useEffect, useState } from "react";
import type { Language } from "../../electron/common/localized-text.js";
import type { ConnectedDisplay, WallState } from "../../electron/common/protocol.js";
import { formatNumber, formatTime } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import { api } from "./api-client.js";
import { displayCondition } from "./mimic-model.js";
import { ScreenshotDialog } from "./ScreenshotDialog.js";

/** Is the province's backend (or the simulator) feeding the wall? Asked of /api/health every 10 s. */
function useBackend(): boolean | undefined {
  const [connected, setConnected] = useState<boolean>();
  useEffect(() => {
    let live = true;
    const ask = () =>
      api.health().then(
        (h) => live && setConnected(h.feed.backend.connected ?? h.feed.backend.simulator !== undefined),
        () => live && setConnected(undefined),
      );
    void ask();
    const timer = setInterval(() => void ask(), 10_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return connected;
}

/** Displays and data in words an operator understands: connected, what each shows, how well, what went wrong and when. */
export function HealthPanel({ wall, revisionAt, displays, now, language, token }: { wall: WallState; revisionAt: number; displays: ConnectedDisplay[]; now: number; language: Language; token: string }) {
  const backend = useBackend();
  const [viewing, setViewing] = useState<string>();
  const stopViewing = useCallback(() => setViewing(undefined), []);
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  const byId = new Map(displays.map((d) => [d.displayId, d]));
  let stale = 0;
  let dropped = 0;
  for (const d of displays) {
    stale += d.health?.tiles.stale ?? 0;
    const f = d.health?.feed.dropped;
    dropped += f ? f.malformed + f.tooLarge + f.unknownTopic : 0;
  }
  return (
    <section className="health-panel">
      <h2>{t("health")}</h2>
      <p className="data-health" data-backend={backend === undefined ? "unknown" : backend ? "connected" : "disconnected"}>
        {backend === undefined ? t("backendUnknown") : backend ? t("backendConnected") : t("backendDisconnected")} · {t("staleTiles", { n: stale })} · {t("droppedMessages", { n: dropped })}
      </p>
      <p className="screenshot-buttons">
        {t("viewScreen")}:{" "}
        {wall.topology.displays.map((d) => (
          <button type="button" key={d.id} data-screenshot={d.id} aria-label={t("screenshotOf", { display: d.id })} onClick={() => setViewing(d.id)}>
            {d.id}
          </button>
        ))}
      </p>
      {viewing && <ScreenshotDialog displayId={viewing} token={token} language={language} onClose={stopViewing} />}
      <table className="health-table">
        <thead>
          <tr>
            <th>{t("display")}</th>
            <th>{t("state")}</th>
            <th>{t("shownRevision")}</th>
            <th>{t("fps")}</th>
            <th>{t("droppedFrames")}</th>
            <th>{t("memory")}</th>
            <th>WebGL</th>
            <th>{t("lastError")}</th>
            <th>{t("lastSeen")}</th>
          </tr>
        </thead>
        <tbody>
          {wall.topology.displays.map((d) => {
            const c = byId.get(d.id);
            const h = c?.health;
            const condition = displayCondition(c, wall.revision, now, revisionAt);
            const cameras = h?.cameras?.cameras ?? [];
            const droppedFrames = cameras.reduce((n, cam) => n + cam.droppedFrames, 0);
            const lastError = cameras.find((cam) => cam.lastError)?.lastError ?? h?.tileStates?.find((s) => s.message)?.message;
            return (
              <tr key={d.id} data-health-display={d.id} data-health={condition}>
                <td>{d.id}</td>
                <td className={`cond-${condition}`}>{t(`display_${condition}`)}</td>
                <td className={h?.revision !== undefined && h.revision !== wall.revision ? "cond-degraded" : undefined}>{h?.revision ?? "—"}</td>
                <td>{h?.render ? formatNumber(h.render.fps, language, 0) : "—"}</td>
                <td>{h ? formatNumber(droppedFrames, language, 0) : "—"}</td>
                <td>{h?.render?.heapMB !== undefined ? `${formatNumber(h.render.heapMB, language, 0)} MB` : "—"}</td>
                <td>{h?.webgl ? `${h.webgl.live}/${h.webgl.budget}` : "—"}</td>
                <td className="last-error">{lastError ?? "—"}</td>
                <td>{h ? formatTime(h.at, language, false, true) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
