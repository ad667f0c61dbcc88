import * as v from 'valibot';
import type { PolicyLoad } from './policy';
import { RunDocKindSchema, type RunDocKind } from './run-docs';
import { RUN_FILE_MAX_CHARS } from './saved-run';
import { count } from './numbers';
import { ProblemSchema, type Problem } from './problem';
import { LIMITS } from './training-config';

/**
 * The one contract between the renderer and Electron main.
 * `InvokeContract` lists every request/response call; `MainEventContract` every event main pushes.
 * The preload builds one function per entry from INVOKE_CHANNELS / EVENT_CHANNELS; main registers one handler per
 * entry (a missing handler is a compile error); the renderer's backends implement the same types.
 */

/** Documents persisted in the user-data folder (browser twin: IndexedDB). */
export const FixedDocKindSchema = v.picklist(['settings', 'progress', 'quiz', 'runs']);
export type FixedDocKind = v.InferOutput<typeof FixedDocKindSchema>;
/** A document: one of the fixed kinds, or one saved run (`run:<id>`, run-docs.ts) listed in the `runs` index. */
export const DocKindSchema = v.union([FixedDocKindSchema, RunDocKindSchema], 'a document is settings, progress, quiz, runs or run:<id>');
export type DocKind = FixedDocKind | RunDocKind;

/**
 * Loading and saving documents: a failure is a problem (problem.ts), worded by the renderer in the learner's
 * language, with the English detail (a file system or schema message) for the console. Main's replies and events
 * are checked against these schemas where they enter the renderer (electron-backend.ts).
 */
export const LoadResultSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), data: v.unknown() }),
  v.strictObject({ ok: v.literal(false), problem: ProblemSchema, quarantinedTo: v.optional(v.pipe(v.string(), v.maxLength(1000))) }),
]) satisfies v.GenericSchema<unknown, LoadResult>;
export type LoadResult = { ok: true; data: unknown | null } | { ok: false; problem: Problem; quarantinedTo?: string };
export const SaveResultSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true) }),
  v.strictObject({ ok: v.literal(false), problem: ProblemSchema }),
]) satisfies v.GenericSchema<unknown, SaveResult>;
export type SaveResult = { ok: true } | { ok: false; problem: Problem };
/** An action main carries out or refuses (open a link, open the second screen): why, as a problem the page words. */
export const ActionResultSchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true) }),
  v.strictObject({ ok: v.literal(false), problem: ProblemSchema }),
]) satisfies v.GenericSchema<unknown, ActionResult>;
export type ActionResult = { ok: true } | { ok: false; problem: Problem };

export interface AppInfo {
  readonly version: string;
  readonly platform: string;
  readonly shell: 'electron' | 'browser';
}

/**
 * Whether the documents can be saved. Read-only when another RNN Lab holds the folder ('locked'), or when the
 * folder cannot be written at all ('unwritable': `code` is the system's, e.g. EROFS for a read-only disk,
 * ENOSPC for a full one). The app still opens and loads what it can; the renderer says so in a notice.
 */
export type StorageStatus =
  | { mode: 'writable' }
  | { mode: 'read-only'; reason: 'locked'; heldBy: number | null }
  | { mode: 'read-only'; reason: 'unwritable'; code: string; detail: string };
export const StorageStatusSchema = v.union([
  v.strictObject({ mode: v.literal('writable') }),
  v.strictObject({ mode: v.literal('read-only'), reason: v.literal('locked'), heldBy: v.nullable(count) }),
  v.strictObject({
    mode: v.literal('read-only'), reason: v.literal('unwritable'), code: v.pipe(v.string(), v.maxLength(60)), detail: v.pipe(v.string(), v.maxLength(1000)),
  }),
]) satisfies v.GenericSchema<unknown, StorageStatus>;

export interface InvokeContract {
  loadDoc: { req: DocKind; res: LoadResult };
  saveDoc: { req: { kind: DocKind; data: unknown }; res: SaveResult };
  /** Remove one saved run's document (set aside as its `.bak`, so the last one deleted can still be recovered by hand). */
  deleteDoc: { req: RunDocKind; res: SaveResult };
  openExternal: { req: string; res: ActionResult };
  appInfo: { req: null; res: AppInfo };
  /** Can documents be saved? Asked at start; later changes arrive as the 'storageStatus' event. */
  storageStatus: { req: null; res: StorageStatus };
  /** Ask main for a fresh training port (sent back as the 'trainerPort' event). */
  requestTrainerPort: { req: null; res: { ok: boolean } };
  /** Presenter mode: open the audience window (fullscreen on the external display when there is one). */
  openAudienceWindow: { req: null; res: ActionResult };
  /** Presenter mode: the presenter window's slide, forwarded to the audience window as 'presenterState'. */
  presenterSync: { req: PresenterState; res: { ok: boolean } };
  /** The machine policy main read at launch (src-shared/protocol/policy.ts), with its issues. */
  policy: { req: null; res: PolicyLoad };
  /** Your data: pick a text or CSV file in the native open dialog; main reads it, refusing files over the cap. */
  openTextFile: { req: OpenTextFileRequest; res: OpenTextFileResult };
  /** Runs: pick a `*.rnnlab.json` in the native open dialog; main reads it, refusing files over the cap. */
  openRunFile: { req: null; res: OpenRunFileResult };
  /** Runs: save a run file where the learner picks in the native save dialog (the name is only a suggestion). */
  saveRunFile: { req: SaveRunFileRequest; res: SaveRunFileResult };
}

/** Largest run file `openRunFile` reads and `saveRunFile` writes, in bytes (run files are JSON, nearly all ASCII). */
export const RUN_FILE_MAX_BYTES = RUN_FILE_MAX_CHARS;
export const OpenRunFileResultSchema = v.variant('status', [
  v.strictObject({
    status: v.literal('opened'),
    name: v.pipe(v.string(), v.maxLength(120)),
    text: v.pipe(v.string(), v.maxLength(RUN_FILE_MAX_CHARS)),
  }),
  v.strictObject({ status: v.literal('cancelled') }),
  v.strictObject({ status: v.literal('failed'), problem: ProblemSchema }),
]);
export type OpenRunFileResult = v.InferOutput<typeof OpenRunFileResultSchema>;
export const SaveRunFileRequestSchema = v.strictObject({
  /** Suggested file name; main keeps only a safe base name ending in `.rnnlab.json`. */
  name: v.pipe(v.string(), v.maxLength(200)),
  text: v.pipe(v.string(), v.maxLength(RUN_FILE_MAX_CHARS)),
});
export type SaveRunFileRequest = v.InferOutput<typeof SaveRunFileRequestSchema>;
export const SaveRunFileResultSchema = v.variant('status', [
  v.strictObject({ status: v.literal('saved'), name: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ status: v.literal('cancelled') }),
  v.strictObject({ status: v.literal('failed'), problem: ProblemSchema }),
]);
export type SaveRunFileResult = v.InferOutput<typeof SaveRunFileResultSchema>;

/** Largest file `openTextFile` reads, in bytes (UTF-8 may take up to 4 bytes a character). */
export const OPEN_FILE_MAX_BYTES = 4 * LIMITS.datasetChars;
export const OpenTextFileRequestSchema = v.strictObject({ kind: v.picklist(['text', 'csv']) });
export type OpenTextFileRequest = v.InferOutput<typeof OpenTextFileRequestSchema>;
/** A file's name and text; or the learner cancelled; or why it could not be read (the problem states the cap). */
export const OpenTextFileResultSchema = v.variant('status', [
  v.strictObject({
    status: v.literal('opened'),
    name: v.pipe(v.string(), v.maxLength(120)),
    text: v.pipe(v.string(), v.maxLength(OPEN_FILE_MAX_BYTES)),
  }),
  v.strictObject({ status: v.literal('cancelled') }),
  v.strictObject({ status: v.literal('failed'), problem: ProblemSchema }),
]);
export type OpenTextFileResult = v.InferOutput<typeof OpenTextFileResultSchema>;

/**
 * What the audience sees in presenter mode: a slide index (0-based) and the page within it, or a blanked screen.
 * `step` is the presenter's page of the slide; `lastStep` says it is the slide's last page (the live view), which
 * the audience window shows as its own last page, since its larger type may cut the prose into more pages.
 */
export const PresenterStateSchema = v.strictObject({
  slide: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  step: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  lastStep: v.optional(v.boolean()),
  blank: v.boolean(),
});
export type PresenterState = v.InferOutput<typeof PresenterStateSchema>;
/** The renderer route main loads in the audience window: the slides only, following 'presenterState'. */
export const AUDIENCE_HASH = '#present-audience';

export const INVOKE_CHANNELS: { readonly [K in keyof InvokeContract]: string } = {
  loadDoc: 'doc:load',
  saveDoc: 'doc:save',
  deleteDoc: 'doc:delete',
  openExternal: 'external:open',
  appInfo: 'app:info',
  storageStatus: 'doc:storage-status',
  requestTrainerPort: 'trainer:request-port',
  openAudienceWindow: 'presenter:open-audience',
  presenterSync: 'presenter:sync',
  policy: 'app:policy',
  openTextFile: 'file:open-text',
  openRunFile: 'file:open-run',
  saveRunFile: 'file:save-run',
};

/** Runtime validation of each request at main's boundary. */
export const INVOKE_REQUEST_SCHEMAS = {
  loadDoc: DocKindSchema,
  saveDoc: v.strictObject({ kind: DocKindSchema, data: v.unknown() }),
  deleteDoc: RunDocKindSchema,
  openExternal: v.pipe(v.string(), v.maxLength(2048)),
  appInfo: v.null(),
  storageStatus: v.null(),
  requestTrainerPort: v.null(),
  openAudienceWindow: v.null(),
  presenterSync: PresenterStateSchema,
  policy: v.null(),
  openTextFile: OpenTextFileRequestSchema,
  openRunFile: v.null(),
  saveRunFile: SaveRunFileRequestSchema,
} satisfies { [K in keyof InvokeContract]: v.GenericSchema<unknown, InvokeContract[K]['req']> };

/** What happened to the trainer process, as the status line shows it. */
export type TrainerHealth =
  | { kind: 'started' }
  /** Sent the moment a failure is detected, before the backoff delay: the learner hears at once. */
  | { kind: 'crashed'; attempt: number; reason: Problem; restartInMs: number }
  /** A replacement runs and was sent the checkpoint of `step`; 'restarted' follows once it says whether it took it. */
  | { kind: 'restoring'; attempt: number; reason: Problem; step: number }
  | { kind: 'restarted'; attempt: number; reason: Problem; restoredStep: number | null }
  | { kind: 'gave-up'; reason: Problem };

/** Trainer health as it arrives from main (a renderer checks it before the status line reads it). */
export const TrainerHealthSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('started') }),
  v.strictObject({ kind: v.literal('crashed'), attempt: count, reason: ProblemSchema, restartInMs: count }),
  v.strictObject({ kind: v.literal('restoring'), attempt: count, reason: ProblemSchema, step: count }),
  v.strictObject({ kind: v.literal('restarted'), attempt: count, reason: ProblemSchema, restoredStep: v.nullable(count) }),
  v.strictObject({ kind: v.literal('gave-up'), reason: ProblemSchema }),
]) satisfies v.GenericSchema<unknown, TrainerHealth>;

/** A stored document failed validation and was moved aside to `movedTo` (never overwritten); `problem` says why. */
export const DocQuarantinedSchema = v.strictObject({
  kind: DocKindSchema,
  movedTo: v.pipe(v.string(), v.maxLength(1000)),
  problem: ProblemSchema,
  restored: v.boolean(),
});
export type DocQuarantined = v.InferOutput<typeof DocQuarantinedSchema>;

export interface MainEventContract {
  /** A MessagePort for the training stream arrives with this event (transferred, not in the payload). */
  trainerPort: { reason: 'initial' | 'restarted' };
  trainerHealth: TrainerHealth;
  /** `restored`: the previous saved version was valid and was put back in its place. */
  docQuarantined: DocQuarantined;
  /** Saving became impossible (the disk filled, the folder turned read-only) or possible again. */
  storageStatus: StorageStatus;
  /** Audience window only: the presenter moved to another slide or (un)blanked the screen. */
  presenterState: PresenterState;
  /** Presenter window only: the audience window was closed (the presenter session is over). */
  audienceClosed: Record<string, never>;
}

export const EVENT_CHANNELS: { readonly [K in keyof MainEventContract]: string } = {
  trainerPort: 'trainer:port',
  trainerHealth: 'trainer:health',
  docQuarantined: 'doc:quarantined',
  storageStatus: 'doc:storage-status-changed',
  presenterState: 'presenter:state',
  audienceClosed: 'presenter:audience-closed',
};

/** The shape the preload exposes on `window.rnnLab` (and the browser shell imitates). */
export type BridgeApi = {
  readonly [K in keyof InvokeContract]: (req: InvokeContract[K]['req']) => Promise<InvokeContract[K]['res']>;
} & {
  readonly on: {
    readonly [K in keyof MainEventContract]: (listener: (payload: MainEventContract[K]) => void) => () => void;
  };
};
