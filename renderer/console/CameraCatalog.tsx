import { useDraggable } from "@dnd-kit/core";
import { memo, useDeferredValue, useMemo, useState } from "react";
import type { Camera, CamerasFile } from "../../electron/common/cameras-file.js";
import type { Language } from "../../electron/common/localized-text.js";
import { translate } from "../ui/i18n.js";

/** Folds Vietnamese diacritics so that "cau quay" finds "Cầu Quay". */
export function searchKey(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

function CameraItem({ camera, canDrag, language }: { camera: Camera; canDrag: boolean; language: Language }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `camera:${camera.id}`, data: { cameraId: camera.id }, disabled: !canDrag });
  return (
    <li ref={setNodeRef} className={`camera-item${isDragging ? " dragging" : ""}`} data-camera-item={camera.id} {...listeners} {...attributes} aria-roledescription={translate(language, "draggableCamera")}>
      <span className="camera-item-name">{camera.name}</span>
      <span className="muted">
        {camera.id}
        {camera.district ? ` · ${camera.district}` : ""}
      </span>
    </li>
  );
}

/** The camera catalog: search, filter by group and district, and drag a camera onto a tile of the mimic. */
export const CameraCatalog = memo(function CameraCatalog({ catalog, canDrag, language }: { catalog: CamerasFile; canDrag: boolean; language: Language }) {
  const [query, setQuery] = useState("");
  const [group, setGroup] = useState("");
  const [district, setDistrict] = useState("");
  const deferred = useDeferredValue(query);
  const districts = useMemo(() => [...new Set(catalog.cameras.map((c) => c.district).filter((d): d is string => Boolean(d)))].sort((a, b) => a.localeCompare(b, "vi")), [catalog]);
  const shown = useMemo(() => {
    const key = searchKey(deferred.trim());
    const members = group ? new Set(catalog.groups.find((g) => g.id === group)?.cameras ?? []) : undefined;
    return catalog.cameras.filter((c) => (!members || members.has(c.id)) && (!district || c.district === district) && (!key || searchKey(`${c.name} ${c.id} ${c.district ?? ""}`).includes(key)));
  }, [catalog, deferred, group, district]);
  return (
    <section className="camera-catalog">
      <h2>
        {translate(language, "cameraCatalog")} <span className="muted">({shown.length}/{catalog.cameras.length})</span>
      </h2>
      <div className="filters">
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={translate(language, "searchCameras")} aria-label={translate(language, "searchCameras")} />
        <select value={group} onChange={(e) => setGroup(e.target.value)} aria-label={translate(language, "cameraGroup")}>
          <option value="">{translate(language, "allGroups")}</option>
          {catalog.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <select value={district} onChange={(e) => setDistrict(e.target.value)} aria-label={translate(language, "district")}>
          <option value="">{translate(language, "allDistricts")}</option>
          {districts.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      {canDrag && <p className="hint">{translate(language, "dragHint")}</p>}
      <ul className="camera-list">
        {shown.map((c) => (
          <CameraItem key={c.id} camera={c} canDrag={canDrag} language={language} />
        ))}
      </ul>
    </section>
  );
});
