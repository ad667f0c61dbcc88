import { flushSync, mount, unmount, type Component } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocTypes } from '../../src-shared/protocol/documents';
import type { DocKind } from '../../src-shared/protocol/ipc-contract';
import type { Backend, DocStore } from '../backend/backend';
import QuizHome from '../quiz/QuizHome.svelte';
import { FakeJobs } from '../testing/fake-jobs';
import { FakeTrainer } from '../testing/fake-trainer';
import LessonHome from './LessonHome.svelte';
import { SECTIONS } from './sections';

/** A backend whose documents live in `stored`; `loads` lists the kinds read. */
function fakeBackend(stored: Partial<DocTypes>) {
  const loads: DocKind[] = [];
  const docs: DocStore = {
    load: async <K extends DocKind>(kind: K) => {
      loads.push(kind);
      return { ok: true as const, value: (stored[kind] ?? null) as DocTypes[K] | null };
    },
    save: async <K extends DocKind>(kind: K, value: DocTypes[K]) => {
      stored[kind] = structuredClone(value);
      return { ok: true as const };
    },
    remove: async () => ({ ok: true as const }),
    onQuarantined: () => () => undefined,
    status: async () => ({ mode: 'writable' as const }),
    onStatus: () => () => undefined,
  };
  const backend: Backend = {
    shell: 'browser',
    info: () => Promise.resolve({ version: '0', platform: 'test', shell: 'browser' }),
    docs,
    openExternal: vi.fn(() => Promise.resolve({ ok: true } as const)),
    policy: () => Promise.resolve({ policy: {}, issues: [], source: null }),
    trainer: new FakeTrainer(),
    jobs: new FakeJobs(),
    dispose: () => undefined,
  };
  return { backend, loads };
}

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

/** Mount a screen the way the shell does: with no backend at first, then the one it created. */
function mountWithLateBackend(screen: Component<{ backend?: Backend | null }>) {
  const shell = new SvelteMap<'backend', Backend>();
  const target = document.body.appendChild(document.createElement('div'));
  app = mount(screen, {
    target,
    props: {
      get backend() {
        return shell.get('backend') ?? null;
      },
    },
  });
  flushSync();
  return {
    target,
    arrive(backend: Backend) {
      shell.set('backend', backend);
      flushSync();
    },
  };
}

describe('the lesson and the quiz before and after the backend arrives', () => {
  it('the lesson waits for the backend, then resumes from the progress saved in its documents', async () => {
    const [first, second] = SECTIONS.map((s) => s.id);
    const { backend, loads } = fakeBackend({ progress: { version: 1, currentSection: second, completed: [first] } });
    const { target, arrive } = mountWithLateBackend(LessonHome);
    expect(target.textContent?.trim()).toBe('…');
    expect(target.querySelector('nav')).toBeNull();

    arrive(backend);
    const toc = () => [...target.querySelectorAll('nav li button')];
    await vi.waitFor(() => expect(toc()[1]?.getAttribute('aria-current')).toBe('step'));
    expect(toc()[0].textContent).toContain('✓');
    expect(loads).toEqual(['progress']);
  });

  it('the quiz waits for the backend, then lists the attempts saved in its documents', async () => {
    const attempt = { at: '2025-01-02T03:04:05.000Z', seed: 7, score: 3, total: 4, answers: {} };
    const { backend, loads } = fakeBackend({ quiz: { version: 1, attempts: [attempt] } });
    const { target, arrive } = mountWithLateBackend(QuizHome);
    expect(target.querySelector('h1')).not.toBeNull();
    expect(target.querySelector('[data-testid="quiz-start"]')).toBeNull();

    arrive(backend);
    expect(target.querySelector('[data-testid="quiz-start"]')).not.toBeNull();
    await vi.waitFor(() => expect(target.querySelectorAll('[aria-labelledby="attempts-title"] li')).toHaveLength(1));
    expect(loads).toEqual(['quiz']);
  });
});
