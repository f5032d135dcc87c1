import { useEffect, useState, type FormEvent } from "react";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import type { ConnectedDisplay, LayoutSummary, MapViewBody, WallState } from "../../electron/common/protocol.js";
import { translate } from "../ui/i18n.js";
import { connectControl, type ControlConnection } from "./control-connection.js";
import { MapControls } from "./MapControls.js";

const TOKEN_KEY = "ioc-wall-token";

function TokenForm({ language, error, onToken }: { language: Language; error: string; onToken: (t: string) => void }) {
  const [value, setValue] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <form className="token-form" onSubmit={submit}>
      <h1>{translate(language, "consoleTitle")}</h1>
      <label>
        {translate(language, "tokenLabel")}
        <input type="password" autoComplete="current-password" value={value} onChange={(e) => setValue(e.target.value)} name="token" autoFocus />
      </label>
      <button type="submit">{translate(language, "signIn")}</button>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
    </form>
  );
}

export function ConsoleApp({ language }: { language: Language }) {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  const [refusal, setRefusal] = useState("");
  const [connection, setConnection] = useState<ControlConnection>();
  const [online, setOnline] = useState(false);
  const [wall, setWall] = useState<WallState>();
  const [layouts, setLayouts] = useState<LayoutSummary[]>([]);
  const [displays, setDisplays] = useState<ConnectedDisplay[]>([]);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (!token) return;
    const c = connectControl(token, {
      onState: setWall,
      onDisplays: setDisplays,
      onLayouts: setLayouts,
      onOnline: setOnline,
      onRefused: (reason) => {
        sessionStorage.removeItem(TOKEN_KEY);
        setToken("");
        setRefusal(reason === "unauthorized" ? translate(language, "wrongToken") : reason);
      },
    });
    setConnection(c);
    return () => {
      c.close();
      setConnection(undefined);
    };
  }, [token, language]);

  if (!token) {
    return (
      <TokenForm
        language={language}
        error={refusal}
        onToken={(t) => {
          sessionStorage.setItem(TOKEN_KEY, t);
          setRefusal("");
          setToken(t);
        }}
      />
    );
  }

  const show = async (layoutId: string) => {
    if (!connection) return;
    setMessage("");
    const ack = await connection.switchLayout(layoutId);
    if (!ack.ok) setMessage(translate(language, "switchFailed", { error: ack.error }));
  };

  const moveMap = async (body: MapViewBody) => {
    if (!connection) return { ok: false, status: 503, error: "not connected" } as const;
    setMessage("");
    const ack = await connection.setMapView(body);
    if (!ack.ok) setMessage(translate(language, "mapMoveFailed", { error: ack.error }));
    return ack;
  };

  return (
    <div className="console" data-connection={online ? "online" : "offline"}>
      <header>
        <h1>{translate(language, "consoleTitle")}</h1>
        {!online && <span className="badge badge-bad">{translate(language, "offline")}</span>}
        {wall && <span className="muted">{translate(language, "revision", { n: wall.revision })}</span>}
        <button
          type="button"
          className="link"
          onClick={() => {
            sessionStorage.removeItem(TOKEN_KEY);
            setToken("");
          }}
        >
          {translate(language, "signOut")}
        </button>
      </header>
      {message && (
        <div className="form-error" role="alert">
          {message}
        </div>
      )}
      <section>
        <h2>{translate(language, "layouts")}</h2>
        <ul className="layout-list">
          {layouts.map((l) => {
            const active = wall?.layoutId === l.id;
            return (
              <li key={l.id} data-layout-id={l.id} data-active={active ? "true" : "false"} className={active ? "active" : ""}>
                <button type="button" disabled={!l.inUse || !online} onClick={() => void show(l.id)}>
                  <span className="layout-title">{pickText(l.title, language)}</span>
                  <span className="layout-id">{l.id}</span>
                  {active && <span className="badge badge-ok">{translate(language, "active")}</span>}
                </button>
                {l.errors.length > 0 && (
                  <div className="layout-errors">
                    <div>{translate(language, l.inUse ? "fileErrors" : "fileBroken")}</div>
                    <ul>
                      {l.errors.map((e, i) => (
                        <li key={i}>
                          <code>{e.path}</code> {e.message}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {wall && <MapControls wall={wall} language={language} disabled={!online} send={moveMap} />}
      <section>
        <h2>{translate(language, "displays")}</h2>
        <ul className="display-list">
          {(wall?.topology.displays ?? []).map((d) => {
            const connected = displays.find((c) => c.displayId === d.id);
            const h = connected?.health;
            return (
              <li key={d.id} data-display-id={d.id} data-connected={connected ? "true" : "false"}>
                <span className={`dot ${connected ? "dot-ok" : "dot-bad"}`} /> {d.id}{" "}
                <span className="muted">{translate(language, connected ? "connected" : "disconnected")}</span>
                {connected && h && (
                  <span className={`health ${h.tiles.error + h.tiles.stale > 0 ? "health-warn" : ""}`}>
                    {" · "}
                    {translate(language, "healthLine", {
                      ready: h.tiles.ready,
                      stale: h.tiles.stale,
                      error: h.tiles.error,
                      dropped: h.feed.dropped.malformed + h.feed.dropped.tooLarge + h.feed.dropped.unknownTopic,
                    })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
