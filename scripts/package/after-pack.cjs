// electron-builder's afterPack hook: flips the packed Electron binary's fuses (fuses.cjs), then
// reads them back and fails the build if any is not as set.
const path = require("node:path");
const { flipFuses, getCurrentFuseWire } = require("@electron/fuses");
const { fuseConfig, wrongFuses } = require("./fuses.cjs");

/** The packed binary: the .app on macOS, the .exe on Windows, the executable on Linux. */
function packedBinary(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === "darwin") return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === "win32") return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName ?? name);
}

exports.default = async function afterPack(context) {
  const binary = packedBinary(context);
  await flipFuses(binary, fuseConfig());
  const wrong = wrongFuses(await getCurrentFuseWire(binary));
  if (wrong.length > 0) throw new Error(`fuses not as set in ${binary}: ${wrong.join(", ")}`);
  console.log(`  • fuses set and read back: ${binary}`);
};
exports.packedBinary = packedBinary;
