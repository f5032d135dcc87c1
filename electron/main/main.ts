import { app, BrowserWindow, Menu, powerSaveBlocker, screen } from "electron";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WallTopology } from "../common/topology.js";
import { configFromEnv } from "../service/config.js";
import { applyConfigFile } from "../service/config-file.js";
import { consoleLogger } from "../service/log.js";
import { startWallService, type WallService } from "../service/wall-service.js";
import { pinnedFingerprint } from "./certificate-policy.js";
import { parseMainArgs, type MainArgs } from "./cli-args.js";
import { consoleBounds } from "./console-window.js";
import { answerDisplayPages } from "./display-page-ipc.js";
import type { DisplayLike } from "./display-like.js";
import { mapDisplays, outputIdentity } from "./display-mapping.js";
import { openConsoleWindow } from "./electron-console-window.js";
import { StartupRetry } from "./startup-retry.js";
import { keepRunningOnErrors } from "./error-policy.js";
import { startHeartbeat } from "./heartbeat.js";
import { RememberedOutputsFile } from "./remembered-outputs.js";
import { ElectronWindowHost } from "./electron-window-host.js";
import { WindowKinds } from "./navigation-policy.js";
import { PrimaryChoice } from "./primary-choice.js";
import { hardenElectron, trustPinnedServiceCertificate } from "./security.js";
import { quietWall, WallWindowManager } from "./wall-windows.js";
import { errorSlateUrl } from "./error-slate.js";
import { wallWindowOptions, windowedBounds } from "./window-options.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const log = consoleLogger;
let args: MainArgs = {};
let argsError: Error | undefined;
try {
  args = parseMainArgs(process.argv.slice(1));
} catch (e) {
  // Said on the outputs by run()'s fatal slate, like any other start-up error.
  argsError = e as Error;
}
/** Where the wall's pages come from: the in-process service, or every primary (`--primary`); trusted alike. */
let serviceOrigins: readonly string[] = [];
/** The fingerprint of WALL_TLS_CERT, read by each try to start. */
let pinned: string | null = null;
/** The display credential wall windows receive through the preload; never logged. */
let displayToken: string | undefined;
/** Which web contents is the console window (`--console`); every other one is held to the wall's pages. */
const windowKinds = new WindowKinds();

if (!app.requestSingleInstanceLock()) {
  log("warn", "another IOC Wall is already running on this machine; quitting");
  app.quit();
} else {
  keepRunningOnErrors(process, log);
  // Once, whatever the start's tries: the certificate each try read is the one trusted.
  trustPinnedServiceCertificate(() => serviceOrigins, () => pinned, log);
  hardenElectron(() => serviceOrigins, (id) => windowKinds.kindOf(id));
  answerDisplayPages(() => serviceOrigins, () => displayToken);
  Menu.setApplicationMenu(null);
  app.commandLine.appendSwitch("autoplay-policy", "no-user-gesture-required");
  app.whenReady().then(
    () => {
      // The kiosk watchdog's sign that this process is alive (a hung main process stops it).
      startHeartbeat(path.join(app.getPath("userData"), "heartbeat"), (e) => log("warn", "the heartbeat file cannot be written; the kiosk watchdog will restart the controller", { error: e.message }));
      // Nobody sits at a controller: what is wrong is said on every output, and the start is tried
      // again when the files it reads change, or after a growing wait.
      new StartupRetry(startOrCleanUp, {
        log,
        showSlate: showFatalSlate,
        hideSlate: closeFatalSlates,
        watch: watchStartupFiles,
        schedule: (fn, ms) => {
          const t = setTimeout(fn, ms);
          return () => clearTimeout(t);
        },
      }).attempt();
    },
    (e: Error) => {
      log("error", "Electron failed to start", { error: e.message });
      app.exit(1);
    },
  );
}

async function run(): Promise<void> {
  if (argsError) throw argsError;
  // The configuration file fills in what the environment does not set; read again on each try to
  // start, so fixing it is enough.
  const configFile = args.config ? path.resolve(args.config) : path.join(app.getPath("userData"), "config.json");
  if (args.config || fs.existsSync(configFile)) applyConfigFile(configFile);
  // Read before anything is served: a WALL_TLS_CERT that cannot be read is a start-up error.
  pinned = pinnedFingerprint(process.env.WALL_TLS_CERT);
  let service: WallService | undefined;
  let currentTopology: () => Promise<WallTopology>;
  /** The service's base URL for the next load: a follower's current primary, which may change. */
  let serviceUrl: () => string;
  let primaries: PrimaryChoice | undefined;
  if (args.primaries) {
    serviceOrigins = args.primaries;
    displayToken = process.env.WALL_DISPLAY_TOKEN?.trim() || undefined;
    // Asked in order; the first that answers is used until it stops answering.
    const choice = new PrimaryChoice(args.primaries, displayToken);
    primaries = choice;
    currentTopology = () => choice.topology();
    serviceUrl = () => choice.current;
  } else {
    // A packaged controller never feeds the wall simulated figures unless told to.
    const config = configFromEnv(process.env, { requireFeedChoice: app.isPackaged });
    service = startedService = await startWallService(
      {
        ...config,
        stateDir: process.env.WALL_STATE_DIR ? config.stateDir : path.join(app.getPath("userData"), "state"),
        layoutsDir: process.env.WALL_LAYOUTS_DIR || !app.isPackaged ? config.layoutsDir : path.join(process.resourcesPath, "layouts"),
        rendererDir: path.join(here, "../../renderer"),
      },
      log,
    );
    const url = service.url;
    serviceOrigins = [url];
    serviceUrl = () => url;
    displayToken = service.displayToken;
    // In process: the topology as the service holds it, without a round trip through its own API.
    const state = service.state;
    currentTopology = () => Promise.resolve(state.current().topology);
  }
  log("info", "IOC Wall controller", { service: serviceOrigins.join(", "), windowed: args.windowed ?? "no", console: args.console ? "yes" : "no", displayCredential: displayToken ? "set" : "none" });
  const blocker = powerSaveBlocker.start("prevent-display-sleep");
  const host = new ElectronWindowHost(path.join(here, "../preload/preload.cjs"), args.windowed === undefined);
  const windows = new WallWindowManager(host, serviceUrl, log);
  // Planned renewal of each display window (WALL_RECYCLE_HOURS, 24 by default; 0: never), at a
  // quiet moment: no layout switch within a minute either way.
  const recycleHours = Number(process.env.WALL_RECYCLE_HOURS ?? 24);
  if (Number.isFinite(recycleHours) && recycleHours > 0) windows.recycleEvery(recycleHours * 3_600_000, () => quietWall(service?.state.current().switchAt, Date.now()));
  let topology = await untilAnswered(currentTopology);
  // Outputs are matched to displays by identity: what each display had is kept on this controller.
  const rememberedFile = new RememberedOutputsFile(path.join(app.getPath("userData"), "outputs.json"), log);
  let remembered = await rememberedFile.load();

  /** Places the wall windows; returns the outputs no kiosk window covers. */
  const place = (): DisplayLike[] => {
    if (args.windowed !== undefined) {
      const ids = topology.displays.map((d) => d.id).slice(0, args.windowed);
      windows.apply(ids.map((displayId, i) => ({ displayId, bounds: windowedBounds(i, topology.display, topology.columns) })));
      return [];
    }
    const outputs: DisplayLike[] = screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, scaleFactor: d.scaleFactor, label: d.label }));
    const mapping = mapDisplays(outputs, topology.displays, args.displays, remembered);
    remembered = mapping.remembered;
    rememberedFile.save(remembered).catch((e: Error) => log("warn", "could not keep the output mapping", { error: e.message }));
    // The identities an integrator may name in wall.json ("output"), and where each display went.
    log("info", "outputs mapped", {
      outputs: outputs.map((o) => `${outputIdentity(o)}${o.label ? ` (${o.label})` : ""}`).join(", "),
      displays: mapping.assignments.map((a) => `${a.displayId}=${outputIdentity(a.output)}`).join(", "),
    });
    if (mapping.unassigned.length > 0) log("warn", "wall displays without an output on this controller", { displays: mapping.unassigned });
    windows.apply(mapping.assignments.map((a) => ({ displayId: a.displayId, bounds: a.output.bounds })));
    return mapping.unused;
  };
  /** Asks for the topology again (a follower: from a live primary) and places the windows if it changed, or `always`. */
  const refresh = (always: boolean) =>
    currentTopology().then(
      (t) => {
        const changed = JSON.stringify(t) !== JSON.stringify(topology);
        topology = t;
        if (changed || always) place();
      },
      (e: Error) => {
        log("warn", "could not refresh the wall topology; keeping the last one", { error: e.message });
        if (always) place();
      },
    );
  const remap = () => refresh(true);
  if (primaries) {
    // Pages that work move their sockets themselves; the windows whose page could not load try the new primary.
    primaries.onChange((current, previous) => {
      log("warn", "the primary changed", { from: previous, to: current });
      windows.serviceMoved();
    });
    // A page that cannot load may mean its primary is gone: look for a live one (asks under way are shared).
    windows.onLoadFailed(() => void refresh(false));
  }
  const freeOutputs = place();
  // Once the service has answered (in process, or the primary), so the console's first load succeeds.
  if (args.console) openConsoleWindow(serviceUrl, consoleBounds(freeOutputs), windowKinds, log);
  service?.state.on("change", (s) => {
    if (JSON.stringify(s.topology) !== JSON.stringify(topology)) void remap();
  });
  const onDisplaysChanged = () => void remap();
  screen.on("display-added", onDisplaysChanged);
  screen.on("display-removed", onDisplaysChanged);
  screen.on("display-metrics-changed", onDisplaysChanged);
  app.on("child-process-gone", (_e, details) => {
    if (details.type === "GPU") windows.gpuGone(details.reason);
  });
  app.on("window-all-closed", () => undefined);
  // Quitting waits for the service to save its state (at most 10 s), then exits.
  let quitting = false;
  app.on("before-quit", (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    powerSaveBlocker.stop(blocker);
    windows.closeAll();
    const saved = service ? service.close() : Promise.resolve();
    const limit = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
    void Promise.race([saved.catch((e: Error) => log("error", "the service did not close cleanly", { error: e.message })), limit]).then(() => app.exit(0));
  });
}

/** A controller may boot before its primary: keep asking, with backoff up to 30 s. */
async function untilAnswered<T>(probe: () => Promise<T>): Promise<T> {
  for (let delay = 1000; ; delay = Math.min(delay * 2, 30_000)) {
    try {
      return await probe();
    } catch (e) {
      log("warn", "service not reachable yet; retrying", { service: serviceOrigins.join(", "), inSeconds: delay / 1000, error: (e as Error).message });
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** The in-process service of a start under way: a try that fails after starting it closes it. */
let startedService: WallService | undefined;

async function startOrCleanUp(): Promise<void> {
  try {
    await run();
  } catch (e) {
    await startedService?.close().catch(() => undefined);
    startedService = undefined;
    throw e;
  }
}

const fatalSlates: BrowserWindow[] = [];

/** The start-up failure on every output (one window each, reused as the message changes). */
function showFatalSlate(message: string): void {
  const displays = screen.getAllDisplays();
  if (fatalSlates.length !== displays.length) {
    closeFatalSlates();
    for (const d of displays) fatalSlates.push(new BrowserWindow({ ...wallWindowOptions({ bounds: d.bounds, kiosk: args.windowed === undefined, title: "IOC Wall" }), show: true }));
  }
  for (const win of fatalSlates) if (!win.isDestroyed()) void win.loadURL(errorSlateUrl(message));
}

function closeFatalSlates(): void {
  for (const win of fatalSlates.splice(0)) if (!win.isDestroyed()) win.destroy();
}

/** The files a start reads: the layouts folder (wall.json and the rest) and the TLS certificate's. */
function watchStartupFiles(onChange: () => void): () => void {
  const folders = [process.env.WALL_LAYOUTS_DIR || (app.isPackaged ? path.join(process.resourcesPath, "layouts") : path.resolve("layouts")), process.env.WALL_TLS_CERT && path.dirname(path.resolve(process.env.WALL_TLS_CERT))];
  const watchers = folders.flatMap((folder) => {
    if (!folder) return [];
    try {
      return [fs.watch(folder, () => onChange())];
    } catch (e) {
      log("warn", "cannot watch a start-up folder; retrying on a timer only", { folder, error: (e as Error).message });
      return [];
    }
  });
  return () => watchers.forEach((w) => w.close());
}
