/**
 * The benchmark's peer: the same recurrent training step (forward over T steps, BPTT through tf's autograd,
 * SGD update) written with TensorFlow.js on its WebAssembly backend, single-threaded.
 */
import * as tf from '@tensorflow/tfjs-core';
// The union package registers every op's gradient on the shared tfjs-core engine.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { BenchCase, StepRunner } from './cases';

export async function initPeer(): Promise<void> {
  setThreadsCount(1);
  await tf.setBackend('wasm');
  await tf.ready();
}

export function createPeerRunner(c: BenchCase): StepRunner {
  const gates = c.cell === 'rnn' ? 1 : c.cell === 'lstm' ? 4 : 3;
  const scale = 1 / Math.sqrt(c.H);
  const Wx = tf.variable(tf.randomUniform([c.I, gates * c.H], -scale, scale, 'float32', 1));
  const Wh = tf.variable(tf.randomUniform([c.H, gates * c.H], -scale, scale, 'float32', 2));
  const b = tf.variable(tf.zeros([gates * c.H]));
  const Why = tf.variable(tf.randomUniform([c.H, c.O], -scale, scale, 'float32', 3));
  const by = tf.variable(tf.zeros([c.O]));
  // One-hot inputs and labels, the same data layout the engine trains on.
  const xs = Array.from({ length: c.T }, (_, t) => tf.cast(tf.oneHot(tf.tensor1d(tokens(c.B, c.I, t), 'int32'), c.I), 'float32'));
  const ys = Array.from({ length: c.T }, (_, t) => tf.cast(tf.oneHot(tf.tensor1d(tokens(c.B, c.O, t + 7), 'int32'), c.O), 'float32'));
  const optimizer = tf.train.sgd(0.01);

  const cellStep = (x: tf.Tensor2D, h: tf.Tensor2D, cState: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] => {
    const z = tf.add(tf.add(tf.matMul(x, Wx), tf.matMul(h, Wh)), b) as tf.Tensor2D;
    if (c.cell === 'rnn') return [tf.tanh(z), cState];
    if (c.cell === 'lstm') {
      const [i, f, o, g] = tf.split(z, 4, 1) as tf.Tensor2D[];
      const cNext = tf.add(tf.mul(tf.sigmoid(f), cState), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
      return [tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D, cNext];
    }
    // GRU: the candidate's recurrent term is gated by r, so it needs its own product.
    const zx = tf.add(tf.matMul(x, Wx), b) as tf.Tensor2D;
    const [zxz, zxr, zxn] = tf.split(zx, 3, 1) as tf.Tensor2D[];
    const zh = tf.matMul(h, Wh);
    const [zhz, zhr, zhn] = tf.split(zh, 3, 1) as tf.Tensor2D[];
    const u = tf.sigmoid(tf.add(zxz, zhz));
    const r = tf.sigmoid(tf.add(zxr, zhr));
    const n = tf.tanh(tf.add(zxn, tf.mul(r, zhn)));
    return [tf.add(tf.mul(tf.sub(1, u), n), tf.mul(u, h)) as tf.Tensor2D, cState];
  };

  const loss = (): tf.Scalar => {
    let h = tf.zeros([c.B, c.H]) as tf.Tensor2D;
    let cs = tf.zeros([c.B, c.H]) as tf.Tensor2D;
    let total = tf.scalar(0);
    for (let t = 0; t < c.T; t++) {
      [h, cs] = cellStep(xs[t] as tf.Tensor2D, h, cs);
      const logits = tf.add(tf.matMul(h, Why), by);
      total = tf.add(total, tf.losses.softmaxCrossEntropy(ys[t], logits));
    }
    return tf.div(total, c.T);
  };

  return {
    step() {
      const value = optimizer.minimize(loss, true);
      value?.dataSync();
      value?.dispose();
    },
    dispose() {
      for (const t of [Wx, Wh, b, Why, by, ...xs, ...ys]) t.dispose();
      optimizer.dispose();
    },
  };
}

/** Deterministic token ids for one time step of the batch. */
export function tokens(B: number, vocab: number, t: number): number[] {
  return Array.from({ length: B }, (_, i) => (i * 31 + t * 17 + ((i * t) % 5)) % vocab);
}
