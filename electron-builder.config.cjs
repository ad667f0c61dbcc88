/**
 * electron-builder configuration for RNN Lab (run via `npm run dist`, `dist:linux`, `dist:win`, `dist:mac`).
 * Packaging downloads the Electron zip and platform tools, so it runs on a release machine, not in CI here;
 * src-main/packaging.test.ts checks the parts that matter for security and deployment.
 *
 * - Everything the app runs is bundled by electron-vite into out/ (package.json has no runtime
 *   "dependencies"), so the app.asar holds out/**, package.json and the window icon, and no node_modules.
 * - Fuses are flipped in the Electron binary at package time (before signing): no ELECTRON_RUN_AS_NODE,
 *   no NODE_OPTIONS, no --inspect, app code only from an integrity-checked app.asar, no extra file://
 *   privileges (the renderer is served from app://), encrypted cookies.
 * - Windows: an NSIS installer whose first page lets the user choose per-user or per-machine (silently:
 *   `/S /allusers`), an MSI (per-machine, fixed upgrade code) for school IT deployment tools, and a portable .exe
 *   that keeps its data in a folder beside itself (src-main/data-location.ts).
 * - No auto-updater anywhere: `publish: null` writes no update feed (latest.yml) and the app has no updater code,
 *   so a school's machines stay on the version IT installed. docs/deployment.md is the page for IT staff.
 *
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'org.rnnlab.desktop',
  productName: 'RNN Lab',
  copyright: 'Copyright © RNN Lab contributors',
  directories: {
    output: 'dist',
    buildResources: 'resources/icons',
  },
  files: ['out/**/*', '!out/**/*.map', 'package.json', 'resources/icons/icon.png'],
  asar: true,
  npmRebuild: false,
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  // No update feed, no updater: IT decides when machines move to a new version.
  publish: null,

  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons/icon.png',
    category: 'Education',
    synopsis: 'Train recurrent neural networks and watch them think',
    maintainer: 'RNN Lab maintainers <maintainers@rnn-lab.invalid>',
  },

  win: {
    target: ['nsis', 'msi', 'portable'],
    icon: 'resources/icons/icon.png',
  },
  nsis: {
    oneClick: false,
    // perMachine false + oneClick false = the installer asks "just me" or "all users".
    perMachine: false,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
  },
  portable: {
    artifactName: '${productName}-${version}-portable-${arch}.${ext}',
  },
  msi: {
    oneClick: false,
    perMachine: true,
    // Fixed forever: lets a newer MSI upgrade an older one in place.
    upgradeCode: '6f1c3e0a-2b8d-4c55-9a7e-5d0e8b3f4a21',
    createDesktopShortcut: false,
    createStartMenuShortcut: true,
  },

  mac: {
    target: ['dmg'],
    icon: 'resources/icons/icon.png',
    category: 'public.app-category.education',
    hardenedRuntime: true,
  },
  dmg: {
    title: 'RNN Lab ${version}',
  },
};
