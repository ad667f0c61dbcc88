import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { CORPUS } from '../../src-shared/tasks/corpus';
import { FakeTrainer, installResizeObserverStub } from '../testing/fake-trainer';
import ConfigPanel from './ConfigPanel.svelte';
import { LabState } from './lab-state.svelte';

let app: ReturnType<typeof mount> | null = null;

function renderPanel() {
  const trainer = new FakeTrainer();
  const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, scheduleAck: (ack) => ack(), configureDelayMs: 0 });
  lab.handle({ type: 'synced', config: null });
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(ConfigPanel, { target, props: { lab } });
  flushSync();
  return { trainer, lab, target };
}

const select = (root: HTMLElement) => root.querySelector('#task-select') as HTMLSelectElement;
const box = (root: HTMLElement) => root.querySelector('[data-testid="your-data-box"]') as HTMLTextAreaElement;
const byId = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`);

function choose(root: HTMLElement, value: string) {
  select(root).value = value;
  select(root).dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

function type(root: HTMLElement, lab: LabState, text: string) {
  box(root).value = text;
  box(root).dispatchEvent(new Event('input', { bubbles: true }));
  lab.data.parseNow();
  flushSync();
}

const csvRows = Array.from({ length: 30 }, (_, i) => (i % 3 ? `a lovely bright day ${i},happy` : `a grim cold night ${i},sad`));

describe('Your data', () => {
  beforeAll(installResizeObserverStub);
  afterEach(() => {
    if (app) unmount(app);
    app = null;
    document.body.innerHTML = '';
  });

  it('previews pasted text (sequences, vocabulary, balance, rows, implied model) before it trains', () => {
    const { lab, target, trainer } = renderPanel();
    choose(target, 'data:text');
    const text = CORPUS.slice(0, 3000);
    type(target, lab, text);
    expect(byId(target, 'preview-sequences')?.textContent).toContain('1,400');
    const vocab = new Set(text).size;
    expect(byId(target, 'preview-vocab')?.textContent).toBe(`${vocab} tokens`);
    expect(byId(target, 'preview-model')?.textContent).toContain(`I = ${vocab} inputs, O = ${vocab} outputs, many-to-many, T = 32 steps`);
    expect(byId(target, 'preview-balance')?.querySelectorAll('li').length).toBe(8);
    expect(byId(target, 'preview-rows')?.querySelectorAll('tbody tr').length).toBe(4);
    const before = trainer.sent.length;
    (byId(target, 'your-data-use') as HTMLButtonElement).click();
    lab.train();
    const configure = trainer.sent.slice(before).find((c) => c.type === 'configure');
    expect(configure).toMatchObject({ config: { task: 'char-lm', taskParams: {}, dataset: { kind: 'text', name: '', source: text } } });
    flushSync();
    expect(byId(target, 'your-data-in-use')).not.toBeNull();
  });

  it('shows a CSV classifier\'s class balance and names the line of a bad row, keeping the text and the loaded data', () => {
    const { lab, target } = renderPanel();
    choose(target, 'data:csv');
    const good = ['text,label', ...csvRows].join('\n');
    type(target, lab, good);
    expect(byId(target, 'preview-model')?.textContent).toContain('O = 2 outputs, many-to-one');
    expect(byId(target, 'preview-balance')?.textContent).toMatch(/happy.*66\.7%.*sad.*33\.3%/s);
    (byId(target, 'your-data-use') as HTMLButtonElement).click();
    expect(lab.config.dataset?.source).toBe(good);

    const bad = ['text,label', 'fine day,happy', 'no label here', ...csvRows].join('\n');
    type(target, lab, bad);
    expect(byId(target, 'your-data-error')?.textContent).toContain('line 3, column 2 (label): the label is missing');
    expect(box(target).value).toBe(bad);
    expect(lab.config.dataset?.source).toBe(good);
    expect((byId(target, 'your-data-use') as HTMLButtonElement).disabled).toBe(true);
  });

  it('trains a tagger from a "tags" column', () => {
    const { lab, target } = renderPanel();
    choose(target, 'data:csv');
    type(target, lab, ['text,tags', ...Array.from({ length: 12 }, (_, i) => `the dog ran ${i},DET NOUN VERB NUM`)].join('\n'));
    expect(byId(target, 'preview-model')?.textContent).toContain('many-to-many');
    (byId(target, 'your-data-use') as HTMLButtonElement).click();
    expect(lab.config.task).toBe('pos-tagging');
  });

  it('refuses a file over the cap before reading it, and text over the cap before parsing it', async () => {
    const { lab, target } = renderPanel();
    choose(target, 'data:text');
    const big = new File(['x'], 'huge.txt');
    Object.defineProperty(big, 'size', { value: 9_000_000 });
    await lab.data.readFile(big);
    flushSync();
    expect(byId(target, 'your-data-error')?.textContent).toContain('huge.txt is 9 MB; the limit is 4 MB');
    type(target, lab, 'y'.repeat(1_000_001));
    expect(byId(target, 'your-data-error')?.textContent).toContain('the limit is 1,000,000');
  });

  it('going back to a bundled task drops the dataset from the config', () => {
    const { lab, target } = renderPanel();
    choose(target, 'data:text');
    type(target, lab, CORPUS.slice(0, 2000));
    (byId(target, 'your-data-use') as HTMLButtonElement).click();
    choose(target, 'memory');
    expect(lab.config.task).toBe('memory');
    expect('dataset' in lab.config).toBe(false);
  });
});

describe('Samples as it learns', () => {
  beforeAll(installResizeObserverStub);

  it('shows the text a language model wrote after each evaluation, and nothing for a classifier', async () => {
    const { default: SamplesPanel } = await import('./SamplesPanel.svelte');
    const target = document.createElement('div');
    document.body.append(target);
    const result = { step: 120, testAccuracy: 0.3, testLoss: 2.1, samples: [], generated: { prime: 'it is a truth', text: ' universally ack' } };
    const panel = mount(SamplesPanel, { target, props: { result } });
    flushSync();
    expect(target.querySelector('[data-testid="sample-text"]')?.textContent).toBe('it is a truth universally ack');
    expect(target.textContent).toContain('After step 120');
    unmount(panel);
    const empty = mount(SamplesPanel, { target, props: { result: { ...result, generated: undefined } } });
    flushSync();
    expect(target.querySelector('[data-testid="sample-text"]')).toBeNull();
    unmount(empty);
  });
});
