import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from "electron";
import { DISPLAY_CAPTURE_CHANNEL, captureDisplayWindow } from "./display-capture.js";
import { DISPLAY_CREDENTIAL_CHANNEL, displayCredentialFor } from "./display-credential.js";

let answering = false;

/**
 * Answers what a display page's preload may ask of main: the display credential (synchronously,
 * so the token never sits on a renderer's command line, visible in the process list) and a picture
 * of its own window (the console's remote screenshot). Registered once; the getters are read at each
 * request because the service's origins (a follower's primaries) and token are known only after
 * start-up.
 */
export function answerDisplayPages(serviceOrigins: () => readonly string[], token: () => string | undefined): void {
  if (answering) return;
  answering = true;
  ipcMain.on(DISPLAY_CREDENTIAL_CHANNEL, (event: IpcMainEvent) => {
    // Always set: the preload's sendSync waits for this value.
    event.returnValue = displayCredentialFor(event.senderFrame?.url, serviceOrigins(), token());
  });
  ipcMain.handle(DISPLAY_CAPTURE_CHANNEL, (event: IpcMainInvokeEvent) => captureDisplayWindow(event.senderFrame?.url, serviceOrigins(), () => event.sender.capturePage()));
}
