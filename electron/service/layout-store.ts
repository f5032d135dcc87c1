import { EventEmitter } from "node:events";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { formatFileError, type Checked, type FileError } from "../common/file-errors.js";
import { checkLayout, LAYOUT_FILE_SUFFIX, type Layout } from "../common/layout.js";
import type { LayoutSummary } from "../common/protocol.js";
import { CAMERAS_FILE, checkCameras, emptyCatalog, type CamerasFile } from "../common/cameras-file.js";
import { ALARMS_FILE, checkAlarms, type AlarmsFile } from "../common/alarms-file.js";
import { checkSchedules, SCHEDULES_FILE, type SchedulesFile } from "../common/schedules-file.js";
import { checkSources, SOURCES_FILE, type SourcesFile } from "../common/sources-file.js";
import { checkTopology, type WallTopology } from "../common/topology.js";
import { checkWebglBudget } from "../common/webgl-budget.js";
import { layoutWarnings, type TopicCheck } from "../common/layout-warnings.js";
import type { Logger } from "./log.js";
import { writeFileAtomic } from "./json-file.js";
import { parseJsonText } from "./parse-json-file.js";

export const WALL_FILE = "wall.json";

function checkText<T>(name: string, text: string, check: (raw: unknown) => Checked<T>): Checked<T> {
  const parsed = parseJsonText(name, text);
  return parsed.ok ? check(parsed.value) : { ok: false, errors: [parsed.error] };
}

interface FileEntry<T> {
  /** The last version that passed validation; what displays see. */
  good?: T;
  /** Problems with the file as it is on disk now. */
  errors: FileError[];
  text?: string;
}

export interface StoreChange {
  topologyChanged: boolean;
  /** Layouts whose in-use (last good) version changed. */
  layoutsChanged: string[];
  /** Some file's text changed, even if only its errors did. */
  filesChanged: boolean;
  /** The HTTP sources in use (sources.json) changed. */
  sourcesChanged: boolean;
  /** The camera catalog in use (cameras.json) changed. */
  camerasChanged: boolean;
  /** The schedule in use (schedules.json) changed, or came, or went. */
  schedulesChanged: boolean;
  /** The alarm rules in use (alarms.json) changed, or came, or went. */
  alarmsChanged: boolean;
}

/**
 * Reads and watches the layouts folder. Every file is validated; a file that fails keeps its
 * last good version in use, so displays never see a broken layout.
 */
export class LayoutStore extends EventEmitter<{ change: [StoreChange] }> {
  private topologyEntry: FileEntry<WallTopology> = { errors: [] };
  /**
   * sources.json is optional: without it (no good version), no HTTP sources. Like cameras.json it
   * starts with no good version, so that a file broken while the service was down starts with its
   * last good copy, not an empty one.
   */
  private readonly sourcesEntry: FileEntry<SourcesFile> = { errors: [] };
  /** cameras.json is optional: without it, an empty catalog. */
  private readonly camerasEntry: FileEntry<CamerasFile> = { errors: [] };
  /** schedules.json is optional: without it, the wall is manual. */
  private readonly schedulesEntry: FileEntry<SchedulesFile> = { errors: [] };
  /** alarms.json is optional: without it, no alarm rules. */
  private readonly alarmsEntry: FileEntry<AlarmsFile> = { errors: [] };
  private readonly layouts = new Map<string, FileEntry<Layout>>();
  private watcher: fs.FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> = Promise.resolve();
  private textChanged = false;
  private scheduleCheckedAgainst = "";
  private topicCheck: TopicCheck | undefined;

  /**
   * @param lastGoodDir where a copy of each file's last good version is kept, so that a file broken
   *   while the service was down still starts with its last good version (with its errors shown).
   */
  constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly lastGoodDir?: string,
  ) {
    super();
  }

  /** Loads everything once; fails when wall.json has no valid version at all. */
  async load(): Promise<void> {
    await this.scan();
    if (!this.topologyEntry.good) {
      const why = this.topologyEntry.errors.map(formatFileError).join("; ");
      throw new Error(`cannot start without a valid ${path.join(this.dir, WALL_FILE)}: ${why}`);
    }
  }

  watch(debounceMs = 150): void {
    this.watcher = fs.watch(this.dir, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.rescan(), debounceMs);
    });
    this.watcher.on("error", (e) => this.log("error", "layouts folder watch failed", { dir: this.dir, error: e.message }));
  }

  /** Stops watching; resolves once a scan under way (and the last-good copy it writes) is done. */
  close(): Promise<void> {
    clearTimeout(this.timer);
    this.watcher?.close();
    return this.scanning;
  }

  /** Serialised so that two bursts of edits never interleave. */
  rescan(): Promise<void> {
    this.scanning = this.scanning.then(() => this.scan()).catch((e: Error) => this.log("error", "layouts rescan failed", { error: e.message }));
    return this.scanning;
  }

  get topology(): WallTopology {
    if (!this.topologyEntry.good) throw new Error("layout store not loaded");
    return this.topologyEntry.good;
  }

  get topologyErrors(): FileError[] {
    return this.topologyEntry.errors;
  }

  layout(id: string): Layout | undefined {
    return this.layouts.get(id)?.good;
  }

  layoutIds(): string[] {
    return [...this.layouts.entries()].filter(([, e]) => e.good).map(([id]) => id).sort();
  }

  /** How layout warnings learn which topics the feed publishes (set once the feed has started). */
  setTopicCheck(check: TopicCheck): void {
    this.topicCheck = check;
  }

  summaries(): LayoutSummary[] {
    const topology = this.topologyEntry.good;
    return [...this.layouts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, e]) => ({
        id,
        title: e.good?.title ?? { vi: id },
        errors: e.errors,
        warnings: e.good && topology ? layoutWarnings(`${id}${LAYOUT_FILE_SUFFIX}`, e.good, { topology, cameras: this.cameras, ...(this.topicCheck ? { topics: this.topicCheck } : {}) }) : [],
        inUse: e.good !== undefined,
        ...(e.good ? { grid: e.good.grid, tiles: e.good.tiles.map(({ id: tileId, x, y, w, h, widget }) => ({ id: tileId, x, y, w, h, widget })) } : {}),
      }));
  }

  private async scan(): Promise<void> {
    const names = await fsp.readdir(this.dir);
    const change: StoreChange = { topologyChanged: false, layoutsChanged: [], filesChanged: false, sourcesChanged: false, camerasChanged: false, schedulesChanged: false, alarmsChanged: false };
    this.textChanged = false;
    change.topologyChanged = await this.scanTopology();
    // Layouts are checked against the wall (its WebGL budget): a new wall checks them again.
    if (change.topologyChanged) for (const entry of this.layouts.values()) entry.text = undefined;
    change.sourcesChanged = await this.scanOptional(this.sourcesEntry, SOURCES_FILE, (raw) => checkSources(SOURCES_FILE, raw));
    change.camerasChanged = await this.scanOptional(this.camerasEntry, CAMERAS_FILE, (raw) => checkCameras(CAMERAS_FILE, raw));
    const present = new Set<string>();
    for (const name of names.filter((n) => n.endsWith(LAYOUT_FILE_SUFFIX)).sort()) {
      const id = name.slice(0, -LAYOUT_FILE_SUFFIX.length);
      present.add(id);
      if (await this.scanLayout(id, name)) change.layoutsChanged.push(id);
    }
    for (const [id, entry] of this.layouts) {
      if (present.has(id)) continue;
      // A removed file keeps its last good version so that a display showing it keeps its picture;
      // the list says the file is gone.
      const removed = { file: `${id}${LAYOUT_FILE_SUFFIX}`, path: "$", message: "file was removed; the last good version stays in use" };
      if (entry.good && entry.errors[0]?.message !== removed.message) {
        this.layouts.set(id, { good: entry.good, errors: [removed] });
        this.textChanged = true;
        this.log("warn", "layout file removed", { id });
      } else if (!entry.good) {
        this.layouts.delete(id);
        this.textChanged = true;
      }
    }
    // The schedule names layouts: checked again whenever the set of good layouts changes.
    const ids = this.layoutIds().join(",");
    if (ids !== this.scheduleCheckedAgainst) this.schedulesEntry.text = this.alarmsEntry.text = undefined;
    this.scheduleCheckedAgainst = ids;
    const layoutIds = new Set(this.layoutIds());
    change.schedulesChanged = await this.scanOptional(this.schedulesEntry, SCHEDULES_FILE, (raw) => checkSchedules(SCHEDULES_FILE, raw, layoutIds));
    change.alarmsChanged = await this.scanOptional(this.alarmsEntry, ALARMS_FILE, (raw) => checkAlarms(ALARMS_FILE, raw, layoutIds));
    change.filesChanged = this.textChanged;
    if (change.filesChanged) this.emit("change", change);
  }

  private async readText(file: string): Promise<string | undefined> {
    try {
      return await fsp.readFile(path.join(this.dir, file), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
  }

  private async scanTopology(): Promise<boolean> {
    const text = await this.readText(WALL_FILE);
    if (text === undefined && this.topologyEntry.text !== undefined) {
      this.topologyEntry.errors = [{ file: WALL_FILE, path: "$", message: "file is missing; the last good version stays in use" }];
      this.topologyEntry.text = undefined;
      this.textChanged = true;
      return false;
    }
    if (text === undefined && !this.topologyEntry.good) {
      this.topologyEntry.errors = [{ file: WALL_FILE, path: "$", message: "file is missing" }];
      return false;
    }
    return await this.applyText(this.topologyEntry, WALL_FILE, text, (raw) => checkTopology(WALL_FILE, raw));
  }

  /** An optional file: absent means no good version (its getter's empty value); otherwise validated like the others. */
  private async scanOptional<T>(entry: FileEntry<T>, name: string, check: (raw: unknown) => Checked<T>): Promise<boolean> {
    const text = await this.readText(name);
    if (text === undefined) {
      const had = entry.text !== undefined;
      if (had) this.textChanged = true;
      entry.text = undefined;
      entry.errors = [];
      entry.good = undefined;
      return had;
    }
    return await this.applyText(entry, name, text, check);
  }

  get cameras(): CamerasFile {
    return this.camerasEntry.good ?? emptyCatalog;
  }

  get camerasErrors(): FileError[] {
    return this.camerasEntry.errors;
  }

  /** Undefined without schedules.json (or without any good version of it). */
  get schedules(): SchedulesFile | undefined {
    return this.schedulesEntry.good;
  }

  get schedulesErrors(): FileError[] {
    return this.schedulesEntry.errors;
  }

  get alarms(): AlarmsFile {
    return this.alarmsEntry.good ?? { rules: [] };
  }

  get alarmsErrors(): FileError[] {
    return this.alarmsEntry.errors;
  }

  get sources(): SourcesFile {
    return this.sourcesEntry.good ?? { sources: [] };
  }

  get sourcesErrors(): FileError[] {
    return this.sourcesEntry.errors;
  }

  private async scanLayout(id: string, name: string): Promise<boolean> {
    const entry = this.layouts.get(id) ?? { errors: [] };
    this.layouts.set(id, entry);
    const changed = await this.applyText(entry, name, await this.readText(name), (raw) => {
      const checked = checkLayout(name, raw, id);
      const topology = this.topologyEntry.good;
      if (!checked.ok || !topology) return checked;
      const over = checkWebglBudget(name, topology, checked.value);
      return over.length > 0 ? { ok: false, errors: over } : checked;
    });
    if (changed) this.log("info", "layout loaded", { file: name });
    return changed;
  }

  /**
   * Validates a file's new text into its entry. True when the version in use changed; a failing
   * text only updates the entry's errors, so the last good version stays.
   */
  private async applyText<T>(entry: FileEntry<T>, name: string, text: string | undefined, check: (raw: unknown) => Checked<T>): Promise<boolean> {
    if (text === undefined || text === entry.text) return false;
    entry.text = text;
    this.textChanged = true;
    const checked = checkText(name, text, check);
    if (!checked.ok) {
      entry.errors = checked.errors;
      const hadGood = entry.good !== undefined;
      if (!hadGood) entry.good = await this.lastGood(name, check);
      this.reportRefused(name, checked.errors, entry.good !== undefined);
      return !hadGood && entry.good !== undefined;
    }
    const changed = JSON.stringify(entry.good) !== JSON.stringify(checked.value);
    entry.good = checked.value;
    entry.errors = [];
    if (this.lastGoodDir) {
      const dir = this.lastGoodDir;
      await fsp
        .mkdir(dir, { recursive: true })
        .then(() => writeFileAtomic(path.join(dir, name), text))
        .catch((e: Error) => this.log("warn", "could not keep a copy of the last good version", { file: name, error: e.message }));
    }
    return changed;
  }

  private async lastGood<T>(name: string, check: (raw: unknown) => Checked<T>): Promise<T | undefined> {
    if (!this.lastGoodDir) return undefined;
    try {
      const checked = checkText(name, await fsp.readFile(path.join(this.lastGoodDir, name), "utf8"), check);
      return checked.ok ? checked.value : undefined;
    } catch {
      return undefined;
    }
  }

  private reportRefused(file: string, errors: FileError[], keptOld: boolean): void {
    this.log("warn", `${file} refused${keptOld ? "; the last good version stays in use" : ""}`, {
      errors: errors.map((e) => `${e.path}: ${e.message}`),
    });
  }
}
