import { ipcMain, type IpcMainEvent } from "electron";
import { DISPLAY_CREDENTIAL_CHANNEL, displayCredentialFor } from "./display-credential.js";

let answering = false;

/**
 * Answers the preload's synchronous request for the display credential, so the token never sits
 * on a renderer's command line (visible in the process list). Registered once; the getters are
 * read at each request because the service address and token are known only after start-up.
 */
export function answerDisplayCredential(serviceOrigin: () => string, token: () => string | undefined): void {
  if (answering) return;
  answering = true;
  ipcMain.on(DISPLAY_CREDENTIAL_CHANNEL, (event: IpcMainEvent) => {
    // Always set: the preload's sendSync waits for this value.
    event.returnValue = displayCredentialFor(event.senderFrame?.url, serviceOrigin(), token());
  });
}
