import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { languageFromUrl } from "../ui/i18n.js";
import "../ui/base.css";
import "./console.css";
import { ConsoleApp } from "./ConsoleApp.js";

const language = languageFromUrl(window.location.search);
document.documentElement.lang = language;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ConsoleApp language={language} />
  </StrictMode>,
);
