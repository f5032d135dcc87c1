// Electron's fuses for the packaged app: every one set explicitly (Electron's security checklist),
// flipped by after-pack.cjs and read back. One list, used by the hook and by its test.
const { FuseV1Options, FuseVersion } = require("@electron/fuses");
// What a fuse reads back as (the package's index does not export it).
const { FuseState } = require("@electron/fuses/dist/constants");

/** Each fuse and whether it is on. */
const fuses = {
  // No ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect: the binary cannot be turned into a Node.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app only from its asar archive, checked against its hash (macOS and Windows: Electron does
  // not check it on Linux, where the package manager's signature and file modes protect it).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

function fuseConfig() {
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: false, ...fuses };
}

/** The fuses a packed binary has wrong, by name, from what getCurrentFuseWire read back. */
function wrongFuses(readBack) {
  return Object.entries(fuses)
    .filter(([index, on]) => readBack[index] !== (on ? FuseState.ENABLE : FuseState.DISABLE))
    .map(([index]) => FuseV1Options[index]);
}

module.exports = { fuses, fuseConfig, wrongFuses, FuseState };
