import path from 'node:path';

/**
 * Where the user-data folder goes when it is not Electron's default.
 * - The portable Windows build (electron-builder's `portable` target sets PORTABLE_EXECUTABLE_DIR to the folder the
 *   .exe was started from) keeps its data beside itself, so a USB stick carries the learner's work and the PC keeps none.
 * - Tests and the unpackaged app may point it at a throw-away folder with RNN_LAB_USER_DATA.
 * null: leave Electron's default (per-user, e.g. %APPDATA%\RNN Lab).
 */
export function userDataOverride(env: Readonly<Record<string, string | undefined>>, packaged: boolean): string | null {
  if (packaged && env.PORTABLE_EXECUTABLE_DIR) return path.join(env.PORTABLE_EXECUTABLE_DIR, 'RNN Lab Data');
  if (!packaged && env.RNN_LAB_USER_DATA) return env.RNN_LAB_USER_DATA;
  return null;
}

/** The machine policy file: the platform's fixed place, or RNN_LAB_POLICY in an unpackaged run (tests). */
export function policyOverride(env: Readonly<Record<string, string | undefined>>, packaged: boolean): string | null {
  return !packaged && env.RNN_LAB_POLICY ? env.RNN_LAB_POLICY : null;
}
