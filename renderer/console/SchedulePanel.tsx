import { useState } from "react";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import type { LayoutSummary, ScheduleStatus } from "../../electron/common/protocol.js";
import { formatTime } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import type { ControlConnection } from "./control-connection.js";

/** "m:ss" until `at`. */
export function countdown(at: number, now: number): string {
  const s = Math.max(0, Math.round((at - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** How long a pause may hold the wall, in minutes: the operator picks one before pausing. */
export const PAUSE_CHOICES = [15, 30, 60, 120, 240] as const;

/**
 * The rotation: what the clock shows now and next, the countdown, the rule in force, a hold and
 * its end; pause, resume, previous and next; briefing decks to start, step (also Page Up/Down and
 * the arrows of a presenter remote) and stop.
 */
export function SchedulePanel({ status, layouts, now, language, canCommand, run }: { status: ScheduleStatus; layouts: LayoutSummary[]; now: number; language: Language; canCommand: boolean; run: (command: (c: ControlConnection) => Promise<unknown>) => void }) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  const title = (id: string) => pickText(layouts.find((l) => l.id === id)?.title ?? { vi: id }, language);
  const b = status.briefing;
  const [pauseMinutes, setPauseMinutes] = useState<number>(30);
  return (
    <section className="schedule-panel" data-mode={status.mode}>
      <h2>{t("rotation")}</h2>
      <p className="schedule-now">
        <span className={`badge ${status.mode === "schedule" ? "badge-ok" : "badge-info"}`} data-schedule-mode={status.mode}>
          {t(`mode_${status.mode}`)}
        </span>{" "}
        {status.hold && t("heldUntil", { time: formatTime(status.hold.until, language) })}
        {status.rule && <span className="muted"> · {t("ruleInForce", { rule: status.rule })}</span>}
      </p>
      {status.next && (
        <p className="schedule-next" data-next-layout={status.next.layoutId}>
          {t("nextUp", { layout: title(status.next.layoutId), time: formatTime(status.next.at, language, false, true) })} · <span className="countdown">{countdown(status.next.at, now)}</span>
        </p>
      )}
      {b && (
        <p className="briefing-position" data-briefing={b.id} data-briefing-index={b.index}>
          {pickText(b.title, language)}: <strong>{b.index + 1} / {b.count}</strong>
        </p>
      )}
      {canCommand && (
        <div className="schedule-controls">
          <button type="button" onClick={() => run((c) => c.step(-1))} aria-label={t("previous")}>
            ◀ {t("previous")}
          </button>
          <button type="button" onClick={() => run((c) => c.step(1))} aria-label={t("next")}>
            {t("next")} ▶
          </button>
          {status.mode === "manual" && status.hold ? (
            <button type="button" onClick={() => run((c) => c.resume())}>
              {t("resume")}
            </button>
          ) : (
            status.mode === "schedule" && (
              <span className="pause-choice">
                <button type="button" onClick={() => run((c) => c.pause(pauseMinutes))}>
                  {t("pause")}
                </button>
                <select aria-label={t("pauseFor")} value={pauseMinutes} onChange={(e) => setPauseMinutes(Number(e.target.value))}>
                  {PAUSE_CHOICES.map((m) => (
                    <option key={m} value={m}>
                      {m < 60 ? t("minutesN", { n: m }) : t("hoursN", { n: m / 60 })}
                    </option>
                  ))}
                </select>
              </span>
            )
          )}
          {b ? (
            <button type="button" onClick={() => run((c) => c.stopBriefing())}>
              {t("stopBriefing")}
            </button>
          ) : (
            status.decks.map((d) => (
              <button type="button" key={d.id} data-start-briefing={d.id} onClick={() => run((c) => c.startBriefing(d.id))}>
                {t("startBriefing", { title: pickText(d.title, language), n: d.count })}
              </button>
            ))
          )}
        </div>
      )}
    </section>
  );
}
