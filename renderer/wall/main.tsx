import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { displayIdFromLocation, displayTokenFromLocation } from "../data/bridge.js";
import { connectDisplay } from "../data/display-connection.js";
import { createWallStore } from "../data/wall-store.js";
import { languageFromUrl } from "../ui/i18n.js";
import "../ui/base.css";
import "./wall.css";
import { WallApp } from "./WallApp.js";

const displayId = displayIdFromLocation(window.location);
const language = languageFromUrl(window.location.search);
const store = createWallStore();
connectDisplay(store, displayId, displayTokenFromLocation());
document.documentElement.lang = language;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <WallApp store={store} displayId={displayId} language={language} />
  </StrictMode>,
);
