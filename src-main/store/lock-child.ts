import { acquireDirLock } from './lock-file';

/**
 * Test helper process for the lock race: waits until the moment in argv[3] (ms since the epoch), tries to
 * become the writer of the directory in argv[2], reports whether it did, and holds on until told to exit.
 */
const [dir, goAt] = [process.argv[2], Number(process.argv[3])];
await new Promise((resolve) => setTimeout(resolve, Math.max(0, goAt - Date.now() - 5)));
while (Date.now() < goAt) {
  // spin the last few ms, so the racers start within a fraction of a millisecond of each other
}
const result = await acquireDirLock(dir);
process.send?.({ type: 'result', writer: result.ok });
process.on('message', async () => {
  if (result.ok) await result.lock.release();
  process.exit(0);
});
