import { DndContext, DragOverlay, MeasuringStrategy, PointerSensor, TouchSensor, pointerWithin, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import type { Ack, MapViewBody } from "../../electron/common/protocol.js";
import { formatTime, vnDay } from "../ui/format.js";
import { translate } from "../ui/i18n.js";
import { AdminPanel } from "./AdminPanel.js";
import { ServiceFailover } from "../data/service-failover.js";
import { setServiceOrigin } from "../data/service-address.js";
import { api, type Role } from "./api-client.js";
import { CameraCatalog } from "./CameraCatalog.js";
import { ConsoleMap } from "./ConsoleMap.js";
import { roleAtLeast, useConsole } from "./console-store.js";
import { connectControl, type ControlConnection } from "./control-connection.js";
import { HealthPanel } from "./HealthPanel.js";
import { LayoutPicker } from "./LayoutPicker.js";
import { MapControls } from "./MapControls.js";
import { faultCount, tileViews } from "./mimic-model.js";
import { AlarmPanel } from "./AlarmPanel.js";
import { SchedulePanel } from "./SchedulePanel.js";
import { SignIn } from "./SignIn.js";
import { TileDetail } from "./TileDetail.js";
import { WallMimic } from "./WallMimic.js";

/** Which instance of the wall the console talks to: its page's own, until that one dies and it moves. */
const failover = new ServiceFailover(window.location.origin);
failover.onMove(setServiceOrigin);

/** A clock for "lost" and "last seen": the mimic is redrawn each second even when nothing is reported. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };

const typing = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

function Console({ language }: { language: Language }) {
  const session = useConsole((s) => s.session)!;
  const { wall, revisionAt, displays, layouts, online, lastChange, schedule, alarms, selectedTile, message } = useConsole();
  const { set, setWall, signOut, setMe } = useConsole.getState();
  const [tab, setTab] = useState<"operate" | "admin">("operate");
  const [changes, setChanges] = useState(0);
  const connection = useRef<ControlConnection>(undefined);
  // The service's time: displays' reports are dated by it, whatever this machine's clock says.
  const [clockOffset, setClockOffset] = useState(0);
  const now = useNow(1000) + clockOffset;
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(language, key, vars);
  const canCommand = roleAtLeast(session.role, "operator");
  const [origin, setOrigin] = useState(failover.current);
  useEffect(() => failover.onMove(setOrigin), []);

  useEffect(() => {
    const c = connectControl(session.token, {
      onState: setWall,
      onDisplays: (d) => set({ displays: d }),
      onLayouts: (l) => set({ layouts: l }),
      onOnline: (o) => set({ online: o }),
      onMe: (me) => setMe(me.name, me.role as Role),
      onClockOffset: setClockOffset,
      onSchedule: (status) => set({ schedule: status }),
      onAlarms: (status) => set({ alarms: status }),
      onChange: (change) => {
        // The last change told again on connecting may repeat the one shown, or come after a newer one told live.
        const shown = useConsole.getState().lastChange;
        if (change.again && shown && change.at <= shown.at) return;
        set({ lastChange: change });
        setChanges((n) => n + 1);
      },
      onRefused: (reason) => signOut(translate(language, reason === "unauthorized" ? "sessionEnded" : "serviceUnreachable")),
    }, failover);
    connection.current = c;
    return () => {
      c.close();
      connection.current = undefined;
    };
  }, [session.token, language, set, setWall, setMe, signOut]);

  // Stable callbacks: the layout list and the 200-camera catalog redraw only when their data changes.
  const run = useCallback(
    async (command: (c: ControlConnection) => Promise<Ack>, failure: Parameters<typeof translate>[1]) => {
      const c = connection.current;
      if (!c) return { ok: false, status: 503, error: "not connected" } as Ack;
      set({ message: "" });
      const ack = await command(c);
      if (!ack.ok) set({ message: translate(language, failure, { error: ack.error }) });
      return ack;
    },
    [language, set],
  );
  const show = useCallback((layoutId: string) => void run((c) => c.switchLayout(layoutId), "switchFailed"), [run]);
  const undo = useCallback(() => void run((c) => c.undo(), "undoFailed"), [run]);
  const pushCamera = useCallback((tileId: string, cameraId: string) => void run((c) => c.setOverride(tileId, "camera", { camera: cameraId }), "overrideFailed"), [run]);
  const clearOverride = useCallback((tileId?: string) => void run((c) => c.clearOverride(tileId), "overrideFailed"), [run]);
  const moveMap = useCallback((body: MapViewBody) => run((c) => c.setMapView(body), "mapMoveFailed"), [run]);

  const runQuiet = useCallback((command: (c: ControlConnection) => Promise<unknown>) => void run(command as (c: ControlConnection) => Promise<Ack>, "commandFailed"), [run]);

  // Ctrl+Z undoes; 1–9 put the n-th layout on the wall; Page Up/Down and the arrows (a presenter
  // remote's keys) step the briefing or the playlist (not while typing in a field).
  const keys = useRef<(e: KeyboardEvent) => void>(undefined);
  keys.current = (e: KeyboardEvent) => {
    if (!canCommand || typing(document.activeElement)) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
      e.preventDefault();
      undo();
    } else if (["PageDown", "PageUp", "ArrowRight", "ArrowLeft"].includes(e.key) && schedule && (schedule.briefing || schedule.next)) {
      e.preventDefault();
      runQuiet((c) => c.step(e.key === "PageDown" || e.key === "ArrowRight" ? 1 : -1));
    } else if (!e.ctrlKey && !e.metaKey && !e.altKey && /^[1-9]$/.test(e.key)) {
      const layout = layouts.filter((l) => l.inUse)[Number(e.key) - 1];
      if (layout) show(layout.id);
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current?.(e);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 6 } }));
  const [dragging, setDragging] = useState<string>();
  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current as { cameraId?: string } | undefined)?.cameraId);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(undefined);
    const cameraId = (e.active.data.current as { cameraId?: string } | undefined)?.cameraId;
    if (cameraId && e.over) pushCamera(String(e.over.id), cameraId);
  };

  const views = useMemo(() => (wall ? tileViews(wall, displays, now) : new Map()), [wall, displays, now]);
  const faults = faultCount(views);
  const overrides = wall ? Object.entries(wall.overrides) : [];
  const signOutNow = () => {
    void api.logout(session.token).catch(() => undefined);
    signOut();
  };

  return (
    <div className="console" data-connection={online ? "online" : "offline"} data-service-origin={origin}>
      <header>
        <h1>{t("consoleTitle")}</h1>
        {!online && <span className="badge badge-bad">{t("offline")}</span>}
        {origin !== window.location.origin && <span className="badge badge-warn" data-moved-to={origin}>{t("movedTo", { host: new URL(origin).host })}</span>}
        {wall && (
          <span className={`badge ${faults > 0 ? "badge-bad" : "badge-ok"}`} data-faults={faults}>
            {t("faults", { n: faults })}
          </span>
        )}
        {canCommand && (
          <button type="button" onClick={undo} title={t("undoKey")} disabled={!online}>
            ↶ {t("undo")}
          </button>
        )}
        <nav className="tabs">
          <button type="button" aria-pressed={tab === "operate"} onClick={() => setTab("operate")}>
            {t("operate")}
          </button>
          {roleAtLeast(session.role, "admin") && (
            <button type="button" aria-pressed={tab === "admin"} onClick={() => setTab("admin")}>
              {t("administer")}
            </button>
          )}
        </nav>
        <span className="muted signed-in-as" data-role={session.role}>
          {session.name ?? "…"} · {session.role ? t(`role_${session.role}`) : ""}
        </span>
        <a className="link" href={language === "vi" ? "?lang=en" : "?lang=vi"}>
          {language === "vi" ? "English" : "Tiếng Việt"}
        </a>
        <button type="button" className="link" onClick={signOutNow}>
          {t("signOut")}
        </button>
      </header>
      {lastChange && (
        <p className="last-change" data-last-change-by={lastChange.who}>
          {t("lastChange", { who: lastChange.who, action: t(`action_${lastChange.action.replace(".", "_")}` as Parameters<typeof translate>[1]), time: formatTime(lastChange.at, language, vnDay(lastChange.at) !== vnDay(now), true) })}
        </p>
      )}
      {message && (
        <div className="form-error" role="alert">
          {message}
        </div>
      )}
      {tab === "admin" ? (
        <AdminPanel token={session.token} language={language} changes={changes} />
      ) : (
        wall && (
          // The tile under the pointer takes the camera, not the one the dragged card overlaps most;
          // the page stays still under a drag. The tiles are measured all through the drag: the mimic
          // redraws when the wall changes, and a drop must land on the tile under the pointer now.
          <DndContext sensors={sensors} collisionDetection={pointerWithin} measuring={MEASURING} autoScroll={false} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(undefined)}>
            <div className="operate">
              <aside className="left">
                <LayoutPicker layouts={layouts} activeId={wall.layoutId} language={language} disabled={!online || !canCommand} show={show} />
                <CameraCatalog catalog={wall.cameras} canDrag={canCommand && online} language={language} />
              </aside>
              <main className="center">
                <h2>
                  {t("onTheWall")}: {pickText(wall.layout.title, language)} <span className="muted">· {t("revision", { n: wall.revision })}</span>
                </h2>
                <WallMimic wall={wall} revisionAt={revisionAt} displays={displays} views={views} now={now} language={language} canCommand={canCommand && online} />
                {overrides.length > 0 && (
                  <div className="overrides" data-overrides={overrides.length}>
                    <span>{t("overridesOn", { n: overrides.length })}</span>
                    {overrides.map(([tileId, o]) => (
                      <span key={tileId} className="override-chip" data-override-tile={tileId}>
                        {tileId} → {(o.options as { camera?: string }).camera ?? o.widget}
                        {canCommand && (
                          <button type="button" aria-label={t("removeOverrideOf", { tile: tileId })} onClick={() => clearOverride(tileId)}>
                            ×
                          </button>
                        )}
                      </span>
                    ))}
                    {canCommand && (
                      <button type="button" onClick={() => clearOverride()}>
                        {t("removeAllOverrides")}
                      </button>
                    )}
                  </div>
                )}
                <ConsoleMap catalog={wall.cameras} selectedTile={selectedTile} canCommand={canCommand && online} language={language} pushCamera={pushCamera} />
                {canCommand && <MapControls wall={wall} language={language} disabled={!online} send={moveMap} />}
              </main>
              <aside className="right">
                {alarms && <AlarmPanel status={alarms} language={language} canCommand={canCommand && online} run={runQuiet} />}
                {schedule && <SchedulePanel status={schedule} layouts={layouts} now={now} language={language} canCommand={canCommand && online} run={runQuiet} />}
                {selectedTile && <TileDetail wall={wall} tileId={selectedTile} view={views.get(selectedTile)} language={language} canCommand={canCommand && online} pushCamera={pushCamera} clear={clearOverride} />}
                <HealthPanel wall={wall} revisionAt={revisionAt} displays={displays} now={now} language={language} token={session.token} />
              </aside>
            </div>
            <DragOverlay dropAnimation={null}>{dragging && <div className="drag-card">{wall.cameras.cameras.find((c) => c.id === dragging)?.name ?? dragging}</div>}</DragOverlay>
          </DndContext>
        )
      )}
    </div>
  );
}

export function ConsoleApp({ language }: { language: Language }) {
  const session = useConsole((s) => s.session);
  return session ? <Console language={language} /> : <SignIn language={language} />;
}
