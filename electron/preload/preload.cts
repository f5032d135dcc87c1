// Sandboxed preloads are CommonJS scripts: require is the only way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require("electron");

const { contextBridge } = electron;

/**
 * The smallest bridge: this window's display id, the service address and the display's
 * credentials, read from the arguments main gave this window. No ipcRenderer, no node.
 */
function arg(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const displayId = arg("ioc-display-id") ?? "";
const serviceUrl = arg("ioc-service-url") ?? "";
const displayToken = arg("ioc-display-token");

contextBridge.exposeInMainWorld("iocWall", Object.freeze({ displayId, serviceUrl, ...(displayToken ? { displayToken } : {}) }));
