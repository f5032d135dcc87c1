// Sandboxed preloads are CommonJS scripts: require is the only way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require("electron");

const { contextBridge, ipcRenderer } = electron;

/**
 * The smallest bridge: this window's display id and the service address (from the arguments
 * main gave this window), the display credential, asked of main once and synchronously so
 * it is there before the page's scripts run, and a capture of this window. The credential never goes on a command line; main
 * hands it only to the service's own display pages. No ipcRenderer, no node in the page.
 */
function arg(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** Same strings as DISPLAY_CREDENTIAL_CHANNEL and DISPLAY_CAPTURE_CHANNEL in electron/main (a sandboxed preload cannot import them). */
const DISPLAY_CREDENTIAL_CHANNEL = "ioc-wall:display-credential";
const DISPLAY_CAPTURE_CHANNEL = "ioc-wall:capture";

/** A picture of this window (base64 JPEG), taken by main for the console's remote screenshot. */
async function capture(): Promise<string | undefined> {
  const answer: unknown = await ipcRenderer.invoke(DISPLAY_CAPTURE_CHANNEL);
  return typeof answer === "string" && answer.length > 0 ? answer : undefined;
}

function displayCredential(): string | undefined {
  try {
    const answer: unknown = ipcRenderer.sendSync(DISPLAY_CREDENTIAL_CHANNEL);
    return typeof answer === "string" && answer.length > 0 ? answer : undefined;
  } catch {
    return undefined;
  }
}

const displayId = arg("ioc-display-id") ?? "";
const serviceUrl = arg("ioc-service-url") ?? "";
const displayToken = displayCredential();

contextBridge.exposeInMainWorld("iocWall", Object.freeze({ displayId, serviceUrl, capture, ...(displayToken ? { displayToken } : {}) }));
