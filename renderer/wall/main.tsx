import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { displayIdFromLocation, displayTokenFromLocation } from "../data/bridge.js";
import { connectDisplay } from "../data/display-connection.js";
import { FeedConnection } from "../data/feed-connection.js";
import { FeedProvider } from "../data/FeedProvider.js";
import { createFeedStore } from "../data/feed-store.js";
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

const displayId = displayIdFromLocation(window.location);
const language = languageFromUrl(window.location.search);
const token = displayTokenFromLocation();
const store = createWallStore();
const swapTimer = new SwapTimer(store);
const feedStore = createFeedStore();
const feed = new FeedConnection(feedStore, { ...(token ? { token } : {}) });
connectDisplay(store, displayId, token, () => collectHealth(store, feedStore, feed));
// A second's sample of the frame rate ahead of each report (every 5 s).
sampleFrameRate();
setInterval(() => sampleFrameRate(), 5000);
// Read-only counters for tools and tests: camera players, maps, WebGL contexts, layout swaps.
Object.defineProperty(window, "iocWallDebug", {
  value: Object.freeze({ cameras: () => playerPool.stats(), maps: describeMaps, webgl: () => webglSlots.stats(), unproject: unprojectOnMap, swaps: () => ({ ...swapTimer.stats }) }),
});
document.documentElement.lang = language;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <FeedProvider connection={feed} store={feedStore}>
      <WallApp store={store} swapTimer={swapTimer} displayId={displayId} language={language} />
    </FeedProvider>
  </StrictMode>,
);
