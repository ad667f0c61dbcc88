import { acquireDirLock, type LockResult } from './lock-file';

/**
 * Test helper process for the lock race: one racer that takes part in many races. It says `ready` once loaded;
 * each `race` message names a directory and a moment (ms since the epoch): it waits until then, tries to become
 * the writer of that directory, and reports whether it did. `release` lets go of a lock it won; `exit` ends it.
 */
type Command = { type: 'race'; dir: string; at: number } | { type: 'release' } | { type: 'exit' };

let held: LockResult | null = null;
process.on('message', async (m: Command) => {
  if (m.type === 'race') {
    const margin = m.at - Date.now(); // negative: the message came after the moment, and this racer starts late
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, m.at - Date.now() - 5)));
    while (Date.now() < m.at) {
      // spin the last few ms, so the racers start within a fraction of a millisecond of each other
    }
    held = await acquireDirLock(m.dir);
    process.send?.({ type: 'result', writer: held.ok, margin });
  } else if (m.type === 'release') {
    if (held?.ok) await held.lock.release();
    held = null;
    process.send?.({ type: 'released' });
  } else {
    process.exit(0);
  }
});
process.send?.({ type: 'ready' });
