import * as v from 'valibot';
import { describeIssues } from '../../src-shared/protocol/documents';
import { TrainerEventSchema, type TrainerEvent } from '../../src-shared/protocol/trainer-events';

/**
 * The renderer's boundary for trainer events: each one is checked against the contract's schema
 * (src-shared/protocol/trainer-events.ts), traced step data included, before any view sees it. A trainer of another
 * version or a corrupted message is dropped with a warning naming what failed, never half-used.
 */
export function isTrainerEvent(raw: unknown): raw is TrainerEvent {
  return v.is(TrainerEventSchema, raw);
}

/** Forward a raw message if it passes the schema; otherwise warn and drop it. */
export function acceptTrainerEvent(raw: unknown, deliver: (event: TrainerEvent) => void): void {
  const parsed = v.safeParse(TrainerEventSchema, raw);
  if (parsed.success) deliver(raw as TrainerEvent);
  else console.warn(`RNN Lab: ignored a malformed trainer message: ${describeIssues(parsed.issues)}`);
}
