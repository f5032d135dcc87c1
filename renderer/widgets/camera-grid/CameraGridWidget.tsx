import { useCallback, useEffect, useMemo, useState } from "react";
import type { CameraGridOptions } from "../../../electron/common/widgets/camera-options.js";
import { translate } from "../../ui/i18n.js";
import { useTileId, useWallContext } from "../../wall/wall-context.js";
import { CameraView } from "../camera/CameraView.js";
import type { TileStatus, WidgetProps } from "../widget-props.js";
import "./camera-grid.css";

const GAP = 4;

/** Worst first: a grid with a dead camera is not "ready". */
function gridStatus(cells: TileStatus[]): TileStatus {
  for (const s of ["error", "offline", "loading"] as const) if (cells.includes(s)) return s;
  return cells.length > 0 ? "ready" : "error";
}

export default function CameraGridWidget({ options, width, height, visible, language, setStatus }: WidgetProps<CameraGridOptions>) {
  const { cameras, deviceScale } = useWallContext();
  const tileId = useTileId();
  const ids = useMemo(() => options.cameras ?? cameras.groups.find((g) => g.id === options.group)?.cameras ?? [], [options.cameras, options.group, cameras.groups]);
  const perPage = options.columns * options.rows;
  const pages = Math.max(1, Math.ceil(ids.length / perPage));
  const [page, setPage] = useState(0);
  // A group larger than the grid cycles, one page per dwell.
  useEffect(() => {
    if (pages <= 1) return;
    const t = setInterval(() => setPage((p) => (p + 1) % pages), options.dwellSeconds * 1000);
    return () => clearInterval(t);
  }, [pages, options.dwellSeconds]);
  const shown = ids.slice((page % pages) * perPage, (page % pages) * perPage + perPage);
  const cellW = (width - GAP * (options.columns - 1)) / options.columns;
  const cellH = (height - GAP * (options.rows - 1)) / options.rows;
  // A grid across a bezel plays on each display only the cells that display shows: the others
  // are the neighbour's to decode, and to answer for in this tile's status.
  const here = (i: number) => {
    const [x, y] = [(i % options.columns) * (cellW + GAP), Math.floor(i / options.columns) * (cellH + GAP)];
    return x < visible.x + visible.width && x + cellW > visible.x && y < visible.y + visible.height && y + cellH > visible.y;
  };
  const [statuses, setStatuses] = useState<Record<string, TileStatus>>({});
  const onCell = useCallback((key: string, s: TileStatus) => setStatuses((prev) => (prev[key] === s ? prev : { ...prev, [key]: s })), []);
  const mine = shown.flatMap((id, i) => (here(i) ? [statuses[`${i}:${id}`] ?? "loading"] : []));
  const status = shown.length > 0 && mine.length === 0 ? "ready" : gridStatus(mine);
  useEffect(() => setStatus(ids.length === 0 ? "error" : status), [status, ids.length, setStatus]);
  if (ids.length === 0) return <div className="camera-grid-empty">{translate(language, "noCameras")}</div>;
  return (
    <div className="camera-grid" style={{ gridTemplateColumns: `repeat(${options.columns}, 1fr)`, gridTemplateRows: `repeat(${options.rows}, 1fr)`, gap: GAP }} data-page={page % pages} data-pages={pages}>
      {shown.map((id, i) =>
        !here(i) ? (
          <div key={`${i}:${id}`} className="camera-cell" />
        ) : (
        <CameraCell key={`${i}:${id}`} cellKey={`${i}:${id}`} onCell={onCell}>
          {(onStatus) => (
            <CameraView
              tileId={`${tileId}#${i}`}
              camera={cameras.cameras.find((c) => c.id === id)}
              cameraId={id}
              width={cellW}
              height={cellH}
              deviceScale={deviceScale}
              play={options}
              language={language}
              onStatus={onStatus}
            />
          )}
        </CameraCell>
        ),
      )}
    </div>
  );
}

function CameraCell({ cellKey, onCell, children }: { cellKey: string; onCell: (k: string, s: TileStatus) => void; children: (onStatus: (s: TileStatus) => void) => React.ReactNode }) {
  const onStatus = useCallback((s: TileStatus) => onCell(cellKey, s), [cellKey, onCell]);
  return <div className="camera-cell">{children(onStatus)}</div>;
}
