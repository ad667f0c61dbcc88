import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunDocKind } from '../../src-shared/protocol/run-docs';
import type { DocKind, SaveResult } from '../../src-shared/protocol/ipc-contract';
import type { DocTypes } from '../../src-shared/protocol/documents';
import { parseRunFile } from '../../src-shared/protocol/saved-run';
import type { Checkpoint } from '../../src-shared/protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import type { DocLoad, DocStore, RunFileDialogs } from '../backend/backend';
import { FakeTrainer, installResizeObserverStub, points } from '../testing/fake-trainer';
import { locale, t } from '../i18n/i18n.svelte';
import LabScreen from './LabScreen.svelte';
import { LabState } from './lab-state.svelte';
import { RunsState } from './runs-state.svelte';

class MemoryDocs implements DocStore {
  readonly saved = new Map<DocKind, unknown>();
  /** Every document read, in order. */
  readonly reads: DocKind[] = [];
  /** When set, loads wait for it (to see the loading state). */
  gate: Promise<void> | null = null;
  async load<K extends DocKind>(kind: K): Promise<DocLoad<K>> {
    this.reads.push(kind);
    if (this.gate) await this.gate;
    return { ok: true, value: (structuredClone(this.saved.get(kind)) as DocTypes[K]) ?? null };
  }
  async save<K extends DocKind>(kind: K, value: DocTypes[K]): Promise<SaveResult> {
    this.saved.set(kind, structuredClone(value));
    return { ok: true };
  }
  async remove(kind: RunDocKind): Promise<SaveResult> {
    this.saved.delete(kind);
    return { ok: true };
  }
  onQuarantined() {
    return () => {};
  }
  async status() {
    return { mode: 'writable' as const };
  }
  onStatus() {
    return () => {};
  }
}

/** A trainer that answers snapshot requests with a checkpoint whose history is `steps` long. */
class SnapshotTrainer extends FakeTrainer {
  steps = 10;
  override send(cmd: Parameters<FakeTrainer['send']>[0]): void {
    super.send(cmd);
    if (cmd.type === 'snapshot') {
      const checkpoint: Checkpoint = { version: 1, config: DEFAULT_CONFIG, step: this.steps, params: {}, optimizer: {}, history: points(1, this.steps, (s) => 3 / s) };
      this.emit({ type: 'snapshot', requestId: cmd.requestId, checkpoint });
    }
  }
}

let app: ReturnType<typeof mount> | null = null;
const settle = async () => {
  await new Promise((r) => setTimeout(r, 0));
  flushSync();
};

async function renderRuns(files?: RunFileDialogs, docs = new MemoryDocs()) {
  const trainer = new SnapshotTrainer();
  const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, scheduleAck: (ack) => ack() });
  const runs = new RunsState(docs, lab, files);
  await runs.load();
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(LabScreen, { target, props: { lab, runs } });
  flushSync();
  return { trainer, docs, lab, runs, target };
}

const q = (root: HTMLElement, id: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];

async function saveAs(root: HTMLElement, name: string) {
  const input = q(root, 'run-name-input')[0] as HTMLInputElement;
  input.value = name;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  q(root, 'run-save')[0].click();
  await settle();
}

describe('Runs', () => {
  beforeAll(installResizeObserverStub);
  afterEach(() => {
    locale.set('en');
    if (app) unmount(app);
    app = null;
    document.body.innerHTML = '';
  });

  it('rewords the notice on screen when the language changes, its storage problem too', async () => {
    const { target, docs } = await renderRuns();
    await saveAs(target, 'Kept');
    expect(q(target, 'runs-notice')[0].textContent).toContain('Saved “Kept” at step 10.');
    locale.set('es');
    flushSync();
    expect(q(target, 'runs-notice')[0].textContent).toContain('«Kept»');
    expect(q(target, 'runs-notice')[0].textContent).not.toContain('Saved');
    docs.save = async () => ({ ok: false, problem: { code: 'storage.full', detail: 'QuotaExceededError: could not save runs in IndexedDB' } });
    await saveAs(target, 'Lost');
    expect(q(target, 'runs-notice')[0].textContent).toContain('Tus ejecuciones no se han modificado: el disco está lleno');
    locale.set('fr');
    flushSync();
    const fr = q(target, 'runs-notice')[0].textContent ?? '';
    expect(fr).toContain('Vos essais n’ont pas été modifiés\u00a0: le disque est plein');
    expect(fr).not.toMatch(/ejecuciones|QuotaExceeded/);
  });

  it('saves the run with its checkpoint as a document of its own, lists it in the runs index, and reads both back', async () => {
    const { target, docs, lab } = await renderRuns();
    await saveAs(target, 'First try');
    expect(q(target, 'run-name').map((e) => e.textContent)).toEqual(['First try']);
    const index = docs.saved.get('runs') as DocTypes['runs'];
    const summary = { step: 10, cell: DEFAULT_CONFIG.cell, hiddenSize: DEFAULT_CONFIG.hiddenSize, layers: DEFAULT_CONFIG.layers, loss: expect.any(Number) };
    expect(index).toEqual({ version: 3, runs: [{ id: expect.any(String), name: 'First try', savedAt: expect.any(String), summary }] });
    const doc = docs.saved.get(`run:${index.runs[0].id}`) as DocTypes['run:x'];
    expect(doc).toMatchObject({ id: index.runs[0].id, name: 'First try', checkpoint: { step: 10, config: DEFAULT_CONFIG } });
    const reloaded = new RunsState(docs, lab);
    await reloaded.load();
    expect(reloaded.entries).toEqual(index.runs);
    expect(await reloaded.docs.open(index.runs[0].id)).toEqual(doc);
    expect(q(target, 'runs-notice')[0].textContent).toContain('Saved “First try” at step 10.');
  });

  it('reopens a run by sending its checkpoint to the trainer', async () => {
    const { target, trainer, lab } = await renderRuns();
    await saveAs(target, 'A');
    lab.patch({ hiddenSize: 99 });
    q(target, 'run-reopen')[0].click();
    await settle();
    expect(trainer.sent.at(-1)).toMatchObject({ type: 'restore', checkpoint: { step: 10 } });
    expect(lab.config.hiddenSize).toBe(DEFAULT_CONFIG.hiddenSize);
  });

  it('deletes a run and brings it back with Undo while the notice is up', async () => {
    const { target, docs } = await renderRuns();
    await saveAs(target, 'A');
    await saveAs(target, 'B');
    q(target, 'run-delete')[0].click();
    await settle();
    expect(q(target, 'run-name').map((e) => e.textContent)).toEqual(['B']);
    expect((docs.saved.get('runs') as DocTypes['runs']).runs.map((r) => r.name)).toEqual(['B']);
    expect([...docs.saved.keys()].filter((k) => k.startsWith('run:'))).toHaveLength(1);
    q(target, 'run-undo')[0].click();
    await settle();
    expect(q(target, 'run-name').map((e) => e.textContent)).toEqual(['A', 'B']);
    expect((docs.saved.get('runs') as DocTypes['runs']).runs.map((r) => r.name)).toEqual(['A', 'B']);
    expect(q(target, 'run-undo')).toHaveLength(0);
  });

  it('renames a run', async () => {
    const { target, docs } = await renderRuns();
    await saveAs(target, 'Old');
    [...target.querySelectorAll('button')].find((b) => b.textContent === 'Rename')!.click();
    flushSync();
    const input = q(target, 'run-rename-input')[0] as HTMLInputElement;
    input.value = 'New name';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.form!.requestSubmit();
    await settle();
    expect(q(target, 'run-name').map((e) => e.textContent)).toEqual(['New name']);
    const index = docs.saved.get('runs') as DocTypes['runs'];
    expect(index.runs[0].name).toBe('New name');
    expect((docs.saved.get(`run:${index.runs[0].id}`) as DocTypes['run:x']).name).toBe('New name');
  });

  it('a run whose index write fails is not listed and leaves no document behind', async () => {
    const { target, docs } = await renderRuns();
    const save = docs.save.bind(docs);
    docs.save = async (kind, value) => (kind === 'runs' ? { ok: false, problem: { code: 'storage.full', detail: 'ENOSPC: no space left on device' } } : save(kind, value));
    await saveAs(target, 'Lost');
    expect(q(target, 'run-name')).toHaveLength(0);
    expect([...docs.saved.keys()]).toEqual([]);
    expect(q(target, 'runs-notice')[0].textContent).toContain('Your runs were not changed: the disk is full');
    expect(q(target, 'runs-notice')[0].textContent).not.toContain('ENOSPC');
  });

  it('overlays the loss curves of two runs ticked for comparison', async () => {
    const { target, trainer } = await renderRuns();
    await saveAs(target, 'Short');
    trainer.steps = 40;
    await saveAs(target, 'Long');
    expect(q(target, 'runs-overlay')).toHaveLength(0);
    for (const box of q(target, 'run-compare')) box.click();
    flushSync();
    const curves = q(target, 'overlay-curve');
    expect(curves.map((c) => c.getAttribute('data-last-step'))).toEqual(['10', '40']);
    expect(curves.every((c) => (c.getAttribute('d') ?? '').length > 10)).toBe(true);
  });

  it('exports a run as a run file that reads back as the same run, and refuses a broken one without changing anything', async () => {
    const { target, runs, docs } = await renderRuns();
    await saveAs(target, 'Teach');
    const file = (await runs.exportRun(runs.entries[0].id))!;
    expect(file.name).toBe('Teach.rnnlab.json');
    const back = parseRunFile(file.text);
    expect(back.ok && back.run).toEqual(docs.saved.get(`run:${runs.entries[0].id}`));
    await runs.importText('bad.rnnlab.json', file.text.replace('"version":1', '"version":9'));
    flushSync();
    expect(q(target, 'runs-notice')[0].textContent).toContain('reads run files of version 1, and the file is of version 9');
    expect(runs.entries).toHaveLength(1);
  });

  it('on the desktop, Import and Export go through the native dialogs of the contract, and their errors are shown', async () => {
    const saved: { name: string; text: string }[] = [];
    let opened: Awaited<ReturnType<RunFileDialogs['open']>> = { status: 'cancelled' };
    const files: RunFileDialogs = {
      open: async () => opened,
      save: async (req) => (saved.push(req), { status: 'saved', name: 'chosen.rnnlab.json' }),
    };
    const { target, runs, docs } = await renderRuns(files);
    await saveAs(target, 'Desk');
    q(target, 'run-export')[0].click();
    await settle();
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('Desk.rnnlab.json');
    expect(parseRunFile(saved[0].text)).toEqual({ ok: true, run: docs.saved.get(`run:${runs.entries[0].id}`) });
    expect(q(target, 'runs-notice')[0].textContent).toContain('Run file saved as chosen.rnnlab.json');

    opened = { status: 'opened', name: 'again.rnnlab.json', text: saved[0].text };
    q(target, 'run-import')[0].click();
    await settle();
    expect(q(target, 'run-name').map((e) => e.textContent)).toEqual(['Desk', 'Desk']);
    expect(new Set(runs.entries.map((r) => r.id)).size).toBe(2);

    opened = { status: 'failed', problem: { code: 'data.fileTooBig', params: { name: 'big.rnnlab.json', size: 41, cap: 40 }, detail: 'the file is 41 MB; the cap is 40 MB' } };
    q(target, 'run-import')[0].click();
    await settle();
    expect(q(target, 'runs-notice')[0].textContent).toContain(t('problem.data.fileTooBig', { name: 'big.rnnlab.json', size: 41, cap: 40 }));
    expect(runs.entries).toHaveLength(2);
  });

  it("starts from the index alone, and reads one run's document when it is reopened, once", async () => {
    const first = await renderRuns();
    for (const [i, name] of ['A', 'B', 'C'].entries()) {
      first.trainer.steps = 10 * (i + 1);
      await saveAs(first.target, name);
    }
    unmount(app!);
    document.body.innerHTML = '';
    const docs = first.docs;
    docs.reads.length = 0;
    const { target, trainer, runs } = await renderRuns(undefined, docs);
    expect(docs.reads).toEqual(['runs']);
    expect(q(target, 'run-name').map((e) => e.textContent)).toEqual(['A', 'B', 'C']);
    // What the list shows comes from the index: the model, step and smoothed loss of each.
    expect(q(target, 'run-meta')[1].textContent).toMatch(/^LSTM 24 · step 20 · loss \d\.\d+ · /);

    q(target, 'run-reopen')[1].click();
    await settle();
    const b = runs.entries[1].id;
    expect(docs.reads).toEqual(['runs', `run:${b}`]);
    expect(trainer.sent.at(-1)).toMatchObject({ type: 'restore', checkpoint: { step: 20 } });
    q(target, 'run-reopen')[1].click();
    await settle();
    expect(docs.reads).toEqual(['runs', `run:${b}`]); // kept while in use

    for (const box of q(target, 'run-compare').slice(0, 2)) box.click();
    await settle();
    expect(docs.reads).toEqual(['runs', `run:${b}`, `run:${runs.entries[0].id}`]);
    expect(q(target, 'overlay-curve').map((c) => c.getAttribute('data-last-step'))).toEqual(['10', '20']);
  });

  it('says the run is being read, then that its document is missing, under the run and in the notice', async () => {
    const docs = new MemoryDocs();
    const savedAt = '2026-12-01T10:00:00.000Z';
    docs.saved.set('runs', { version: 3, runs: [{ id: 'gone', name: 'Gone', savedAt, summary: null }] });
    const { target } = await renderRuns(undefined, docs);
    expect(q(target, 'run-meta')[0].textContent).toMatch(/^saved /);
    let release = () => {};
    docs.gate = new Promise<void>((r) => (release = r));
    q(target, 'run-reopen')[0].click();
    await settle();
    expect(q(target, 'run-loading')[0].textContent).toBe('Reading the saved run…');
    expect((q(target, 'run-reopen')[0] as HTMLButtonElement).disabled).toBe(true);
    release();
    await settle();
    expect(q(target, 'run-loading')).toHaveLength(0);
    expect(q(target, 'run-unreadable')[0].textContent).toBe('The saved run “Gone” could not be read: its saved copy is missing.');
    expect(q(target, 'runs-notice')[0].textContent).toContain('The saved run “Gone” could not be read');
  });

  it("a damaged document is reported with the store's problem and nothing is reopened or overlaid", async () => {
    const docs = new MemoryDocs();
    docs.saved.set('runs', { version: 3, runs: [{ id: 'bad', name: 'Bad', savedAt: '2026-12-01T10:00:00.000Z', summary: null }] });
    const load = docs.load.bind(docs);
    docs.load = async (kind) => (String(kind) === 'run:bad' ? { ok: false, problem: { code: 'storage.notJson', detail: 'run-bad.json is not valid JSON' }, quarantinedTo: '/x/run-bad.corrupt.json' } : load(kind));
    const { target, trainer, runs } = await renderRuns(undefined, docs);
    q(target, 'run-compare')[0].click();
    await settle();
    expect(runs.compare).toEqual([]);
    expect((q(target, 'run-compare')[0] as HTMLInputElement).checked).toBe(false);
    const sent = trainer.sent.length;
    q(target, 'run-reopen')[0].click();
    await settle();
    expect(trainer.sent.slice(sent).some((c) => c.type === 'restore')).toBe(false);
    expect(q(target, 'run-unreadable')[0].textContent).toContain('The saved run “Bad” could not be read: ');
    expect(q(target, 'run-unreadable')[0].textContent).toContain(t('problem.storage.notJson'));
  });
});
