import type { CameraOptions } from "../../../electron/common/widgets/camera-options.js";
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Camera } from "../../../electron/common/cameras-file.js";
import { CAMERA_STATUS_TOPIC, chooseStream } from "../../../electron/common/cameras-file.js";
import type { Language } from "../../../electron/common/localized-text.js";
import { useNow } from "../../data/clock.js";
import { useTopic } from "../../data/FeedProvider.js";
import { formatTime } from "../../ui/format.js";
import { translate } from "../../ui/i18n.js";
import type { TileStatus } from "../widget-props.js";
import type { CameraPlayer } from "./camera-player.js";
import { usePreparing } from "../../wall/wall-context.js";
import { playerPool } from "./player-pool.js";
import "./camera.css";

/** Feed topic (kind status) whose items are camera ids: the backend's view of which cameras are up. */

function usePlayerStatus(player: CameraPlayer | undefined) {
  return useSyncExternalStore(
    (cb) => player?.onChange(cb) ?? (() => undefined),
    () => player?.currentStatus ?? "loading",
  );
}

/**
 * One camera in a box: the pooled player's <video> moved into this box, the name, district and a
 * live clock over it, and — whenever the picture is not advancing — a slate that says so.
 */
export function CameraView(props: {
  tileId: string;
  camera: Camera | undefined;
  cameraId: string;
  width: number;
  height: number;
  deviceScale: number;
  /** The playback options shared by `camera` and `camera-grid`. */
  play: Pick<CameraOptions, "fit" | "stream" | "frameTimeoutSeconds" | "caption">;
  language: Language;
  onStatus?: (s: TileStatus) => void;
  /** Where the slate goes when the picture is not live: the part of the box this display shows, so a picture spanning a bezel says so whole on each side. */
  slateArea?: { x: number; y: number; width: number; height: number };
}) {
  const { camera, language } = props;
  const box = useRef<HTMLDivElement>(null);
  const [player, setPlayer] = useState<CameraPlayer>();
  const stream = camera ? chooseStream(camera, props.width * props.deviceScale, props.height * props.deviceScale, props.play.stream) : undefined;
  const url = stream?.url;

  // Layout effect: a layout switch releases and re-acquires in the same task, so a kept camera's
  // video is moved, never removed, and keeps playing. Prepared off screen, a tile leaves a video the
  // wall is showing where it is; at the swap (`preparing` turns false) it takes it.
  const preparing = usePreparing();
  useLayoutEffect(() => {
    if (!url || !box.current) return;
    const p = playerPool.acquire(props.tileId, props.cameraId, url, props.play.frameTimeoutSeconds * 1000);
    if (!(preparing && p.video.isConnected)) box.current.appendChild(p.video);
    if (p.video.paused) void p.video.play().catch(() => undefined);
    setPlayer(p);
    return () => {
      playerPool.release(props.tileId, p);
      setPlayer(undefined);
    };
  }, [props.tileId, props.cameraId, url, props.play.frameTimeoutSeconds, preparing]);

  // Tiles scrolled or hidden out of view stop loading.
  useEffect(() => {
    if (!player || !box.current || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => player.setLoading(entries.some((e) => e.isIntersecting) && document.visibilityState !== "hidden"));
    io.observe(box.current);
    return () => io.disconnect();
  }, [player]);

  const status = usePlayerStatus(player);
  // A black picture is no picture (error); a frozen one is an old picture (stale).
  const tileStatus: TileStatus = !camera ? "error" : status === "black" ? "error" : status === "frozen" ? "stale" : status;
  const { onStatus } = props;
  useEffect(() => onStatus?.(tileStatus), [tileStatus, onStatus]);
  const now = useNow();
  // The backend's word on the camera (topic cameras.status), shown beside what the pixels say.
  const reported = useTopic(CAMERA_STATUS_TOPIC)?.update.value;
  const reportedDown = reported?.kind === "status" && reported.items.some((i) => i.id === props.cameraId && !i.up);
  const picture = player?.pictureDate;
  const lastFrame = player?.frameTime;

  return (
    <div className={`camera camera-${tileStatus} camera-fit-${props.play.fit}`} data-camera-id={props.cameraId} data-camera-status={camera ? status : "error"} data-stream={url}>
      <div ref={box} className="camera-video" />
      {camera && props.play.caption !== "off" && (
        <div className={`camera-overlay camera-caption-${props.play.caption}`}>
          <span className="camera-name">{camera.name}</span>
          {/* The district only where the caption has room for it beside the name and the time. */}
          {camera.district && props.width >= 960 && <span className="camera-district">{camera.district}</span>}
          {reportedDown && <span className="camera-reported">{translate(language, "reportedDown")}</span>}
          <span className="camera-clock">{formatTime(picture ? picture.getTime() : now, language, false, true)}</span>
        </div>
      )}
      {tileStatus !== "ready" && tileStatus !== "loading" && (
        <div className="tile-slate camera-slate" role="status" style={props.slateArea && { inset: "auto", left: props.slateArea.x, top: props.slateArea.y, width: props.slateArea.width, height: props.slateArea.height }}>
          <div className="camera-slate-name">{camera?.name ?? props.cameraId}</div>
          <div className="camera-slate-state">{translate(language, !camera ? "unknownCamera" : status === "black" ? "blackPicture" : status === "frozen" ? "frozenPicture" : "noSignal", { id: props.cameraId })}</div>
          {camera && status === "offline" && <div className="camera-slate-time">{lastFrame ? translate(language, "lastFrameAt", { time: formatTime(lastFrame, language, Date.now() - lastFrame > 86_400_000, true) }) : translate(language, "noFrameYet")}</div>}
        </div>
      )}
    </div>
  );
}
