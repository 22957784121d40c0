// electron-builder's afterPack hook: flips Electron's fuses in the packaged binary, before it
// is signed. A shipped Cutline cannot be turned into a plain Node runtime
// (ELECTRON_RUN_AS_NODE), opened to a debugger (--inspect), fed NODE_OPTIONS, or made to run
// an app from outside its asar. CommonJS because electron-builder require()s hooks.
const { join } = require('node:path');
const { FuseV1Options, FuseVersion, flipFuses } = require('@electron/fuses');

/** The fuses Cutline ships with (tests/security/electron-fuses.test.ts reads them back). */
const CUTLINE_FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron executable inside a packed app folder, per platform. */
function packedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') {
    return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  }
  return join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const executable = packedExecutable(context);
  const arm64Mac = context.electronPlatformName === 'darwin' && context.arch === 3;
  await flipFuses(executable, { ...CUTLINE_FUSES, resetAdHocDarwinSignature: arm64Mac });
  console.log(`  • fuses set in ${executable}: RunAsNode, inspect, NODE_OPTIONS off`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.CUTLINE_FUSES = CUTLINE_FUSES;
module.exports.packedExecutable = packedExecutable;
