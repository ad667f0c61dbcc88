import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** The packaging config as electron-builder will read it (it cannot run on this machine, so check it here). */
const require = createRequire(import.meta.url);
type Target = { target: string[]; icon: string };
const config = require('../electron-builder.config.cjs') as {
  productName: string;
  appId: string;
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: Target;
  win: Target;
  mac: Target;
  nsis: Record<string, unknown>;
  msi: Record<string, unknown>;
  portable: Record<string, unknown>;
  publish: unknown;
};

describe('electron-builder.config.cjs', () => {
  it('names the app and packs only the bundled output', () => {
    expect(config.productName).toBe('RNN Lab');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('package.json');
    expect(config.files.some((f: string) => f.includes('node_modules') || f.startsWith('src'))).toBe(false);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage + deb, NSIS (per-user or per-machine) + MSI (per-machine) + a portable exe, and a dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis', 'msi', 'portable']);
    expect(config.portable.artifactName).toMatch(/portable/);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('pins the MSI upgrade code, so every later MSI upgrades the same product in place', () => {
    expect(config.msi.upgradeCode).toBe('6f1c3e0a-2b8d-4c55-9a7e-5d0e8b3f4a21');
  });

  it('lets NSIS install for all users silently: assisted mode with elevation, as `/S /allusers` needs', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, allowElevation: true });
  });

  it('publishes no update feed and ships no auto-updater, so school machines stay on one version', () => {
    expect(config.publish).toBeNull();
    const pkg = require('../package.json') as { dependencies?: Record<string, string>; devDependencies: Record<string, string> };
    const deps = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(deps).filter((d) => /updater/i.test(d))).toEqual([]);
  });

  it('uses the generated icon for every platform', () => {
    for (const platform of ['linux', 'win', 'mac'] as const) expect(config[platform].icon).toBe('resources/icons/icon.png');
  });
});

describe("electron-builder's own schema", () => {
  it('accepts the configuration (no unknown or mistyped keys)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
