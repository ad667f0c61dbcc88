import { DocStore } from './doc-store';
import { progressDoc, RUN_DOC, runDoc } from './writer-docs';

/**
 * Test helper process: opens the store in argv[2] and saves ever-changing documents as fast as it can,
 * reporting each completed save, until it is killed. The crash test kills it at random moments.
 * Save n writes runDoc(n) (one saved run's document), reports 'saved-runs', writes progressDoc(n), reports 'saved'.
 */
const dir = process.argv[2];
const store = await DocStore.open(dir);
if (!store.writable) {
  process.send?.({ type: 'locked' });
  process.exit(3);
}

for (let n = 1; ; n++) {
  const result = await store.save(RUN_DOC, runDoc(n));
  if (result.ok) process.send?.({ type: 'saved-runs', n });
  const progress = await store.save('progress', progressDoc(n));
  if (!result.ok || !progress.ok) {
    console.error(result, progress);
    process.exit(4);
  }
  process.send?.({ type: 'saved', n });
}
