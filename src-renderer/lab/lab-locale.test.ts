import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { locale } from '../i18n/i18n.svelte';
import { FakeTrainer, installResizeObserverStub } from '../testing/fake-trainer';
import { fakeDetail } from '../views/unrolled/test-fixtures';
import UnrolledView from '../views/unrolled/UnrolledView.svelte';
import LabScreen from './LabScreen.svelte';
import { LabState } from './lab-state.svelte';

const apps: ReturnType<typeof mount>[] = [];

function newTarget(): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  return target;
}

const buttonNames = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());

describe('Lab and unrolled view follow the locale', () => {
  beforeAll(installResizeObserverStub);
  afterEach(() => {
    locale.set('en');
    for (const app of apps.splice(0)) unmount(app);
    document.body.innerHTML = '';
  });

  it('switches labels, aria-labels and the live description to French and back', () => {
    const lab = new LabState({ trainer: new FakeTrainer(), initialConfig: DEFAULT_CONFIG, scheduleAck: (ack) => ack() });
    const labRoot = newTarget();
    apps.push(mount(LabScreen, { target: labRoot, props: { lab } }));
    const view = newTarget();
    const config = { ...DEFAULT_CONFIG, cell: 'rnn' as const, hiddenSize: 4 };
    apps.push(mount(UnrolledView, { target: view, props: { config, detail: fakeDetail({ T: 4, H: 4 }), shape: 'many-to-many', forceFallback: true } }));
    flushSync();
    const unrolled = view.querySelector('[data-testid="unrolled-view"]') as HTMLElement;
    const live = view.querySelector('[data-testid="unrolled-live"]') as HTMLElement;

    expect(buttonNames(labRoot)).toContain('Train');
    expect(labRoot.querySelector('#config-title')?.textContent).toBe('Set up a run');
    expect(labRoot.querySelector('[data-testid="lab-status"]')?.textContent).toBe('Starting the trainer…');
    expect(unrolled.getAttribute('aria-label')).toBe('Unrolled network view; arrow keys move through time, space plays or pauses, Enter opens the copy at the cursor, Escape goes back');
    expect(buttonNames(view)).toContain('Export PNG');
    expect(live.textContent).toMatch(/^Forward pass, step 1 of 4/);

    locale.set('fr');
    flushSync();
    expect(buttonNames(labRoot)).toContain('Entraîner');
    expect(buttonNames(labRoot)).not.toContain('Train');
    expect(labRoot.querySelector('#config-title')?.textContent).toBe('Préparer un essai');
    expect(labRoot.querySelector('[data-testid="lab-status"]')?.textContent).toBe('Démarrage de l’entraîneur…');
    expect(unrolled.getAttribute('aria-label')).toBe('Vue du réseau déroulé\u202f; les flèches parcourent le temps, Espace lance ou met en pause, Entrée ouvre la copie sous le curseur, Échap revient');
    expect(buttonNames(view)).toContain('Exporter en PNG');
    expect(live.textContent).toMatch(/^Passe avant, pas 1 sur 4/);

    locale.set('en');
    flushSync();
    expect(buttonNames(labRoot)).toContain('Train');
    expect(buttonNames(view)).toContain('Export PNG');
    expect(live.textContent).toMatch(/^Forward pass, step 1 of 4/);
  });
});
