import type { TrainerEvent } from '../../src-shared/protocol/trainer-messages';

/**
 * Cheap structural check of a trainer event at the renderer boundary. The trainer is our own code, so this
 * only guards against a version mismatch or a corrupted message: the discriminant and the fields the UI
 * indexes into right away. Full schemas are used where data is stored (checkpoints, documents).
 */
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isNum = (x: unknown): x is number => typeof x === 'number';
const isStr = (x: unknown): x is string => typeof x === 'string';

export function isTrainerEvent(x: unknown): x is TrainerEvent {
  if (!isObj(x) || !isStr(x.type)) return false;
  switch (x.type) {
    case 'ready':
      return isNum(x.protocolVersion);
    case 'status':
      return isStr(x.state) && isNum(x.step) && isStr(x.message);
    case 'configured':
      return isNum(x.paramCount) && Array.isArray(x.inputVocab) && Array.isArray(x.outputVocab);
    case 'stats':
      return isNum(x.seq) && Array.isArray(x.points) && isNum(x.stepsPerSecond) && (x.detail === null || isObj(x.detail));
    case 'eval':
      return isObj(x.result) && isNum(x.result.testAccuracy) && Array.isArray(x.result.samples);
    case 'diverged':
      return isNum(x.step) && isStr(x.quantity) && isStr(x.message);
    case 'snapshot':
      return isNum(x.requestId) && isObj(x.checkpoint);
    case 'synced':
      return x.config === null || isObj(x.config);
    case 'error':
      return isStr(x.code) && isStr(x.message);
    default:
      return false;
  }
}

/** Forward a raw message if it looks like a trainer event; otherwise warn and drop it. */
export function acceptTrainerEvent(raw: unknown, deliver: (event: TrainerEvent) => void): void {
  if (isTrainerEvent(raw)) deliver(raw);
  else console.warn('RNN Lab: ignored a malformed trainer message', raw);
}
