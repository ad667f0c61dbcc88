/**
 * `npm run bench`: training steps per second of RNN Lab's engine against TensorFlow.js (WASM backend) on the
 * same grid, in the same run, with the ratio. `npm run bench -- --json` prints one JSON object instead of a table.
 * Options: --quick (shorter timing windows), --filter=rnn (only cases whose cell matches).
 */
import { benchGrid, measure } from './bench/cases';
import { createEngineRunner } from './bench/engine-subject';
import { createPeerRunner, initPeer } from './bench/tfjs-peer';

const args = process.argv.slice(2);
const json = args.includes('--json');
const minMs = args.includes('--quick') ? 400 : 1500;
const filter = args.find((a) => a.startsWith('--filter='))?.slice('--filter='.length);

await initPeer();
const results = [];
for (const c of benchGrid().filter((c) => !filter || c.cell === filter)) {
  const engine = createEngineRunner(c);
  const steps = measure(engine, minMs);
  engine.dispose();
  const peer = createPeerRunner(c);
  const peerSteps = measure(peer, minMs, 2);
  peer.dispose();
  const row = { ...c, steps_per_s: round(steps), peer: 'tfjs-wasm', peer_steps_per_s: round(peerSteps) };
  results.push(row);
  if (!json) {
    const ratio = steps / peerSteps;
    console.log(
      `${c.cell.padEnd(4)} T=${c.T} H=${String(c.H).padStart(3)} B=${String(c.B).padStart(2)}  ` +
        `engine ${row.steps_per_s.toString().padStart(8)} steps/s   tfjs-wasm ${row.peer_steps_per_s.toString().padStart(8)} steps/s   ` +
        `ratio ${ratio.toFixed(2)}×${ratio < 3 ? '  (below the 3× target)' : ''}`,
    );
  }
}
if (json) console.log(JSON.stringify({ results }));

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
