import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { displayIdFromLocation, displayTokenFromLocation } from "../data/bridge.js";
import { connectDisplay } from "../data/display-connection.js";
import { FeedConnection } from "../data/feed-connection.js";
import { FeedProvider } from "../data/FeedProvider.js";
import { createFeedStore } from "../data/feed-store.js";
import { setServiceOrigin } from "../data/service-address.js";
import { ServiceFailover } from "../data/service-failover.js";
import { createWallStore } from "../data/wall-store.js";
import { languageFromUrl } from "../ui/i18n.js";
import "../ui/base.css";
import "./wall.css";
import { playerPool } from "../widgets/camera/player-pool.js";
import { describeMaps, unprojectOnMap } from "../widgets/map/map-registry.js";
import { webglSlots } from "../widgets/map/webgl-slots.js";
import { collectHealth } from "./display-health.js";
import { sampleFrameRate } from "./frame-rate.js";
import { SwapTimer } from "./swap-timer.js";
import { WallApp } from "./WallApp.js";
import { allWidgetsLoaded, loadAllWidgets } from "../widgets/registry.js";

const displayId = displayIdFromLocation(window.location);
const language = languageFromUrl(window.location.search);
const token = displayTokenFromLocation();
const store = createWallStore();
const swapTimer = new SwapTimer(store);
const feedStore = createFeedStore();
// The instance that served this page first; the wall's others (WALL_PEERS) when it dies.
// Once it knows of others, every widget's code is loaded in a quiet moment: the page's own instance may be gone when a new layout needs it.
const failover = new ServiceFailover(window.location.origin, () => setTimeout(() => void loadAllWidgets(), 5000));
const feed = new FeedConnection(feedStore, { ...(token ? { token } : {}), url: failover.current });
failover.onMove((origin) => {
  setServiceOrigin(origin);
  feed.moveTo(origin);
});
connectDisplay(store, displayId, token, () => collectHealth(store, feedStore, feed), failover);
// A second's sample of the frame rate ahead of each report (every 5 s).
sampleFrameRate();
setInterval(() => sampleFrameRate(), 5000);
// Read-only counters for tools and tests: camera players, maps, WebGL contexts, layout swaps.
Object.defineProperty(window, "iocWallDebug", {
  value: Object.freeze({ cameras: () => playerPool.stats(), maps: describeMaps, webgl: () => webglSlots.stats(), unproject: unprojectOnMap, swaps: () => ({ ...swapTimer.stats }), widgetsLoaded: allWidgetsLoaded }),
});
document.documentElement.lang = language;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <FeedProvider connection={feed} store={feedStore}>
      <WallApp store={store} swapTimer={swapTimer} displayId={displayId} language={language} />
    </FeedProvider>
  </StrictMode>,
);
