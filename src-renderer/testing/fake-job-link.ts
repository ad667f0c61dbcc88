import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { JobCommand, JobStreamCommand } from '../../src-shared/protocol/job-messages';
import { Listeners, type JobLink } from '../backend/backend';

/**
 * The training stream's job side, for tests that drive the real JobChannel: records the commands the page sends
 * and lets the test play the trainer host (its raw messages are validated as real ones are) or its supervisor.
 */
export class FakeJobLink implements JobLink {
  readonly sent: JobStreamCommand[] = [];
  readonly #messages = new Listeners<unknown>();
  readonly #health = new Listeners<TrainerHealth>();

  sendJob(cmd: JobStreamCommand): void {
    this.sent.push(cmd);
  }
  onJobMessage(listener: (raw: unknown) => void): () => void {
    return this.#messages.add(listener);
  }
  onHealth(listener: (health: TrainerHealth) => void): () => void {
    return this.#health.add(listener);
  }

  /** The commands sent, without their envelope. */
  get commands(): JobCommand[] {
    return this.sent.map((s) => s.command);
  }

  /** Deliver one job event from the host, wrapped as the host wraps it (or `raw` as it stands). */
  deliver(event: unknown, wrap = true): void {
    this.#messages.emit(wrap ? { type: 'job', event } : event);
  }

  health(health: TrainerHealth): void {
    this.#health.emit(health);
  }
}
