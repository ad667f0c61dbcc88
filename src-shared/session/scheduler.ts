/**
 * Yields to the host's event loop between training slices without the 4 ms clamp that nested
 * setTimeout(0) suffers in browsers: setImmediate where the host has it (Node, utility process),
 * otherwise a self-posted MessageChannel message (Web Worker).
 */
export interface Yielder {
  schedule(task: () => void): void;
  dispose(): void;
}

export function createYielder(): Yielder {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    let alive = true;
    return {
      schedule: (task) => void setImmediate(() => alive && task()),
      dispose: () => void (alive = false),
    };
  }
  const channel = new MessageChannel();
  let pending: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const task = pending;
    pending = null;
    task?.();
  };
  return {
    schedule: (task) => {
      pending = task;
      channel.port2.postMessage(null);
    },
    dispose: () => {
      pending = null;
      channel.port1.close();
      channel.port2.close();
    },
  };
}
