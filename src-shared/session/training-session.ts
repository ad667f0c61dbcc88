import * as v from 'valibot';
import { describeIssues } from '../protocol/documents';
import { StepInterrupted, type Interrupt } from '../engine/interrupt';
import {
  assertNever,
  interruptsTraining,
  PROTOCOL_VERSION,
  TrainerCommandSchema,
  type Checkpoint,
  type SessionState,
  type TrainerCommand,
  type TrainerEvent,
} from '../protocol/trainer-messages';
import type { TrainingConfig } from '../protocol/training-config';
import type { StopReason } from '../protocol/trainer-events';
import type { PackedCheckpoint } from '../protocol/packed-checkpoint';
import type { PostEvent, TrainingSessionApi, TrainingSessionOptions } from './api';
import { describeRun, Run } from './run';
import { EvalLoop } from './eval-cadence';
import { Pacer } from './pacer';
import { createYielder } from './scheduler';
import { describeStop, stepsLeft, stopForAccuracy, stopForSteps } from './stop-condition';
import { StatsOutbox } from './stats-outbox';
import { interruptCheck, type SessionInterrupt } from './interrupt-signal';
import { StepRate } from './step-rate';
import { problem, problemOf, ProblemError } from '../protocol/problem';

/** Longest stretch of training between two looks at the inbox, in ms. Keeps pause/stop well under 100 ms. */
const SLICE_MS = 12;

export function createTrainingSession(post: PostEvent, options: TrainingSessionOptions = {}): TrainingSessionApi {
  return new TrainingSession(post, options.now ?? (() => performance.now()), options.signal ?? null, options.progress ?? null);
}

class TrainingSession implements TrainingSessionApi {
  private run: Run | null = null;
  private state: SessionState = 'idle';
  private readonly yielder = createYielder();
  private scheduled = false;
  /** A paced wait before the next slice (setTimeout), while one is pending. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly pacer = new Pacer();
  private disposed = false;
  /** Held-out evaluations while training: when they start, and the one in progress. */
  private readonly evals = new EvalLoop();
  private readonly rate = new StepRate();
  /** Stats on their way to the renderer, held back while it is behind. */
  private readonly outbox: StatsOutbox;

  /** Asked by the engine before every time step while training or evaluating. */
  private readonly interrupt: Interrupt | undefined;

  constructor(
    private readonly post: PostEvent,
    private readonly now: () => number,
    private readonly signal: SessionInterrupt | null,
    progress: (() => void) | null,
  ) {
    this.interrupt = interruptCheck(signal, progress);
    this.outbox = new StatsOutbox(post, () => this.rate.perSecond);
    this.post({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
  }

  get isTraining(): boolean {
    return this.state === 'training';
  }

  handle(raw: unknown): void {
    if (this.disposed) return;
    if (this.signal && interruptsTraining(raw)) this.signal.acknowledge();
    const parsed = v.safeParse(TrainerCommandSchema, raw);
    if (!parsed.success) {
      this.post({ type: 'error', code: 'bad-message', problem: problem('trainer.badMessage', undefined, `Ignored a malformed command: ${describeIssues(parsed.issues)}`) });
      return;
    }
    try {
      this.dispatch(parsed.output);
    } catch (err) {
      this.fail(err);
    }
  }

  checkpoint(): Checkpoint | null {
    return this.run?.toCheckpoint() ?? null;
  }

  packedCheckpoint(): PackedCheckpoint | null {
    return this.run?.toPackedCheckpoint() ?? null;
  }

  restore(checkpoint: Checkpoint | PackedCheckpoint, resume: boolean): { ok: true } | { ok: false; error: string } {
    try {
      const run = Run.fromCheckpoint(checkpoint);
      this.adopt(run);
      this.replayHistory(run);
      if (resume) this.setState('training', `Resumed from step ${checkpoint.step}`);
      else this.setState('paused', `Restored step ${checkpoint.step}`);
      return { ok: true };
    } catch (err) {
      this.fail(err);
      return { ok: false, error: (err instanceof Error ? err.message : String(err)).slice(0, 500) };
    }
  }

  dispose(): void {
    this.disposed = true;
    this.yielder.dispose();
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private dispatch(cmd: TrainerCommand): void {
    switch (cmd.type) {
      case 'configure':
        this.configure(cmd.config);
        return;
      case 'start':
        if (!this.requireRun()) return;
        if (this.state === 'diverged') this.reset('Reset after divergence');
        this.setState('training', 'Training');
        return;
      case 'pause':
        if (this.state === 'training') this.setState('paused', 'Paused');
        return;
      case 'step':
        if (!this.requireRun()) return;
        if (this.state === 'training') this.setState('paused', 'Paused');
        this.trainFor(Infinity, cmd.count);
        this.outbox.flush(true);
        if (this.state !== 'diverged') this.setState(this.run!.step > 0 ? 'paused' : 'idle', `Stepped to ${this.run!.step}`);
        return;
      case 'stop':
        if (this.state === 'training' || this.state === 'paused') this.setState('idle', 'Stopped');
        return;
      case 'reset':
        if (!this.requireRun()) return;
        this.reset('Reset');
        return;
      case 'sync':
        this.sync();
        return;
      case 'snapshot': {
        const checkpoint = this.checkpoint();
        if (checkpoint) this.post({ type: 'snapshot', requestId: cmd.requestId, checkpoint });
        else this.post({ type: 'error', code: 'bad-message', problem: problem('trainer.badMessage', undefined, 'Nothing to snapshot: configure a run first') });
        return;
      }
      case 'pace':
        this.pacer.set(cmd.stepsPerSecond, this.now());
        return;
      case 'ack':
        this.outbox.ack(cmd.seq);
        return;
      case 'restore':
        this.restore(cmd.checkpoint, false);
        return;
      default:
        assertNever(cmd);
    }
  }

  /** Tell a (re)connected window what is running: the config, the model, the whole history, the state. */
  private sync(): void {
    const run = this.run;
    this.post({ type: 'synced', config: run ? run.config : null });
    if (!run) return;
    this.post(describeRun(run));
    this.replayHistory(run);
    this.post({ type: 'status', state: this.state, step: run.step, message: 'Reconnected' });
  }

  /** Send the run's whole history as one stats message, whatever the window has acknowledged so far. */
  private replayHistory(run: Run): void {
    this.outbox.replay(run.history);
  }

  private configure(config: TrainingConfig): void {
    let run: Run;
    try {
      run = new Run(config);
    } catch (err) {
      // The learner's own data refused (a ProblemError) says what is wrong with it; anything else is the settings.
      const why = err instanceof ProblemError ? err.problem : problem('trainer.badConfig', undefined, err instanceof Error ? err.message : String(err));
      this.post({ type: 'error', code: 'bad-config', problem: why });
      return;
    }
    this.adopt(run);
    this.setState('idle', 'Ready to train');
  }

  private reset(message: string): void {
    this.adopt(new Run(this.run!.config));
    this.setState('idle', message);
  }

  private adopt(run: Run): void {
    this.run = run;
    this.outbox.reset();
    this.evals.reset();
    this.post(describeRun(run));
  }

  private requireRun(): boolean {
    if (this.run) return true;
    this.post({ type: 'error', code: 'bad-message', problem: problem('trainer.badMessage', undefined, 'Configure a run before training') });
    return false;
  }

  private setState(state: SessionState, message: string, stoppedBy?: StopReason): void {
    this.state = state;
    // Stepping by hand may change the parameters under an unfinished evaluation: drop it.
    if (state !== 'training') this.evals.drop();
    const status: TrainerEvent = { type: 'status', state, step: this.run?.step ?? 0, message };
    this.post(stoppedBy ? { ...status, stoppedBy } : status);
    if (state === 'training') {
      this.rate.restart(this.now());
      this.pacer.restart(this.now());
      this.schedule();
    }
  }

  /** The next slice: at once, or after `delayMs` (a paced wait). */
  private schedule(delayMs = 0): void {
    if (this.scheduled || this.disposed) return;
    this.scheduled = true;
    const slice = (): void => {
      this.scheduled = false;
      if (this.state !== 'training' || this.disposed) return;
      try {
        if (this.evals.running) {
          this.continueEvaluation();
        } else {
          const run = this.run!;
          const before = run.step;
          const allowed = Math.min(this.pacer.allowance(this.now()), stepsLeft(run.config, run.step));
          if (allowed > 0) this.trainFor(SLICE_MS, allowed);
          this.pacer.took(run.step - before);
          this.outbox.flush(false);
          const reached = this.state === 'training' ? stopForSteps(run.config, run.step) : null;
          if (reached) {
            this.stopBy(reached);
            return;
          }
          if (this.state === 'training') this.evals.maybeStart(this.now(), run, this.pacer.stepsPerSecond > 0);
        }
      } catch (err) {
        this.fail(err);
        return;
      }
      if (this.state === 'training') this.schedule(this.evals.running ? 0 : Math.min(this.pacer.waitMs(this.now()), 50));
    };
    if (delayMs <= 0) {
      this.yielder.schedule(slice);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      slice();
    }, delayMs);
  }

  /** The run reached a target of its config: pause (it can be continued) and say why. */
  private stopBy(reason: StopReason): void {
    this.outbox.flush(true);
    this.setState('paused', describeStop(reason), reason);
  }

  /** Train until `budgetMs` passes or `maxSteps` are done; the last step of the stretch records a trace. */
  private trainFor(budgetMs: number, maxSteps: number): void {
    const run = this.run!;
    const start = this.now();
    for (let done = 0; done < maxSteps; done++) {
      const last = done + 1 >= maxSteps || this.now() - start >= budgetMs * 0.8;
      let outcome: ReturnType<Run['trainStep']>;
      try {
        outcome = run.trainStep(last, this.interrupt);
      } catch (err) {
        // A command is waiting: the abandoned step changed nothing, so go and read it.
        if (err instanceof StepInterrupted) break;
        throw err;
      }
      if (outcome.kind === 'diverged') {
        this.outbox.flush(true);
        this.state = 'diverged';
        const message = `Training diverged at step ${run.step + 1}: ${outcome.quantity} became NaN or infinite. The last good parameters were kept; lower the learning rate or enable clipping.`;
        this.post({ type: 'diverged', step: run.step, quantity: outcome.quantity, message });
        this.post({ type: 'status', state: 'diverged', step: run.step, message });
        return;
      }
      this.outbox.add(outcome.point, outcome.detail);
      this.rate.count();
      if (last) break;
    }
    this.rate.update(this.now());
  }

  private continueEvaluation(): void {
    const result = this.evals.advance(this.interrupt);
    if (!result) return;
    this.post({ type: 'eval', result });
    const reached = this.state === 'training' ? stopForAccuracy(this.run!.config, result) : null;
    if (reached) this.stopBy(reached);
  }

  private fail(err: unknown): void {
    this.state = 'error';
    this.evals.drop();
    const message = err instanceof Error ? err.message : String(err);
    this.post({ type: 'error', code: 'internal', problem: problemOf(err) });
    this.post({ type: 'status', state: 'error', step: this.run?.step ?? 0, message });
  }
}
