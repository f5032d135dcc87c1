import { useEffect, useMemo, useRef, useState } from "react";
import type { Language } from "../../electron/common/localized-text.js";
import type { AlarmsStatus } from "../../electron/common/protocol.js";
import { formatTime } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import { chime, enableChime } from "./alarm-chime.js";
import type { ControlConnection } from "./control-connection.js";

const SOUND_SETTING = "ioc-wall.alarm-sound";

/** Sound for new alarms: off by default, remembered on this console; counts the chimes it played. */
function useAlarmSound(ids: string[]) {
  const [on, setOn] = useState(() => localStorage.getItem(SOUND_SETTING) === "on");
  const [chimes, setChimes] = useState(0);
  const seen = useRef(new Set(ids));
  useEffect(() => {
    const fresh = ids.filter((id) => !seen.current.has(id));
    for (const id of fresh) seen.current.add(id);
    if (on && fresh.length > 0) {
      chime();
      setChimes((n) => n + 1);
    }
  }, [ids, on]);
  const toggle = (next: boolean) => {
    if (next) enableChime();
    localStorage.setItem(SOUND_SETTING, next ? "on" : "off");
    setOn(next);
  };
  return { on, toggle, chimes };
}

/**
 * The alarm queue, highest first: which one holds the wall, each to acknowledge; the operator's
 * lock that holds the wall against alarms below a priority.
 */
export function AlarmPanel({ status, language, canCommand, run }: { status: AlarmsStatus; language: Language; canCommand: boolean; run: (command: (c: ControlConnection) => Promise<unknown>) => void }) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  const [floor, setFloor] = useState(70);
  const sound = useAlarmSound(useMemo(() => status.alarms.map((a) => a.id), [status.alarms]));
  return (
    <section className={`alarm-panel${status.holding ? " alarm-active" : ""}`} data-alarms={status.alarms.length} data-chimes={sound.chimes}>
      <h2>
        {t("alarms")} {status.alarms.length > 0 && <span className="badge badge-bad">{status.alarms.length}</span>}
        <label className="alarm-sound">
          <input type="checkbox" checked={sound.on} onChange={(e) => sound.toggle(e.target.checked)} /> {t("alarmSound")}
        </label>
      </h2>
      {status.alarms.length === 0 && <p className="muted">{t("noAlarms")}</p>}
      <ul className="alarm-list">
        {status.alarms.map((a) => (
          <li key={a.id} data-alarm={a.id} data-holding={status.holding === a.id ? "true" : "false"}>
            <span className="alarm-priority">{a.priority}</span>
            <span className="alarm-title">{a.title}</span>
            <span className="muted">
              {formatTime(a.raisedAt, language, false, true)}
              {status.holding === a.id && ` · ${t("onTheWallNow")}`}
            </span>
            {canCommand && (
              <button type="button" onClick={() => run((c) => c.ackAlarm(a.id))}>
                {t("acknowledge")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {canCommand && (
        <div className="alarm-lock" data-lock={status.lock?.minPriority ?? ""}>
          {status.lock ? (
            <>
              <span>{t("lockedBelow", { n: status.lock.minPriority, by: status.lock.by })}</span>
              <button type="button" onClick={() => run((c) => c.unlockAlarms())}>
                {t("unlock")}
              </button>
            </>
          ) : (
            <>
              <label>
                {t("lockBelow")}
                <input type="number" min={0} max={101} value={floor} onChange={(e) => setFloor(Number(e.target.value))} />
              </label>
              <button type="button" onClick={() => run((c) => c.lockAlarms(floor))}>
                {t("lock")}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
