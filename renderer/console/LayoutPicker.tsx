import { memo, useMemo, useState } from "react";
import { pickText, type Language } from "../../electron/common/localized-text.js";
import type { LayoutSummary } from "../../electron/common/protocol.js";
import { translate } from "../ui/i18n.js";
import { searchKey } from "./CameraCatalog.js";

/** A small picture of a layout from its definition: its tiles on its grid. */
function LayoutPreview({ layout }: { layout: LayoutSummary }) {
  if (!layout.grid || !layout.tiles) return <svg className="layout-preview" viewBox="0 0 16 9" aria-hidden="true" />;
  return (
    <svg className="layout-preview" viewBox={`0 0 ${layout.grid.columns} ${layout.grid.rows}`} preserveAspectRatio="none" aria-hidden="true">
      {layout.tiles.map((t) => (
        <rect key={t.id} x={t.x + 0.08} y={t.y + 0.08} width={t.w - 0.16} height={t.h - 0.16} className={`preview-${t.widget}`} />
      ))}
    </svg>
  );
}

/** Filters layouts by title or id, diacritics folded. */
export function filterLayouts(layouts: LayoutSummary[], query: string, language: Language): LayoutSummary[] {
  const key = searchKey(query.trim());
  return key ? layouts.filter((l) => searchKey(`${pickText(l.title, language)} ${l.id}`).includes(key)) : layouts;
}

/** A file's errors or warnings, each at its JSON path. */
function FileProblems({ className, heading, problems }: { className: string; heading: string; problems: LayoutSummary["errors"] }) {
  return (
    <div className={className} data-problems={problems.length}>
      <div>{heading}</div>
      <ul>
        {problems.map((e, j) => (
          <li key={j}>
            <code>{e.path}</code> {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every layout with its preview; one click (or keys 1–9) puts it on the wall; broken files with their errors, doubtful ones with their warnings. */
export const LayoutPicker = memo(function LayoutPicker({ layouts, activeId, language, disabled, show }: { layouts: LayoutSummary[]; activeId: string | undefined; language: Language; disabled: boolean; show: (id: string) => void }) {
  const [query, setQuery] = useState("");
  const shown = useMemo(() => filterLayouts(layouts, query, language), [layouts, query, language]);
  return (
    <section>
      <h2>{translate(language, "layouts")}</h2>
      <input type="search" className="layout-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={translate(language, "searchLayouts")} aria-label={translate(language, "searchLayouts")} />
      <ul className="layout-list">
        {shown.map((l, i) => {
          const active = activeId === l.id;
          return (
            <li key={l.id} data-layout-id={l.id} data-active={active ? "true" : "false"} className={active ? "active" : ""}>
              <button type="button" disabled={!l.inUse || disabled} onClick={() => show(l.id)} title={i < 9 ? translate(language, "layoutKey", { n: i + 1 }) : undefined}>
                <LayoutPreview layout={l} />
                <span className="layout-title">{pickText(l.title, language)}</span>
                {i < 9 && <kbd>{i + 1}</kbd>}
                {active && <span className="badge badge-ok">{translate(language, "active")}</span>}
              </button>
              {l.errors.length > 0 && <FileProblems className="layout-errors" heading={translate(language, l.inUse ? "fileErrors" : "fileBroken")} problems={l.errors} />}
              {l.warnings.length > 0 && <FileProblems className="layout-warnings" heading={translate(language, "layoutWarnings")} problems={l.warnings} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
});
