import { flushSync, mount, tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../src-shared/protocol/external-links';
import type { ActionResult } from '../../src-shared/protocol/ipc-contract';
import { locale } from '../i18n/i18n.svelte';
import { canvaslessComponents } from '../testing/canvasless';
import References from './References.svelte';

const keep = canvaslessComponents();
afterEach(() => locale.set('en'));

describe('References', () => {
  it('says why a link did not open in the learner’s language, and rewords it on a locale switch', async () => {
    // What main answers for a site not on its list (an empty list here): a problem, not English text.
    const opened: string[] = [];
    const openExternal = async (url: string): Promise<ActionResult> => {
      opened.push(url);
      const check = checkExternalUrl(url, []);
      return check.ok ? { ok: true } : { ok: false, problem: check.problem };
    };
    keep(mount(References, { target: document.body, props: { openExternal } }));
    flushSync();
    document.querySelector<HTMLButtonElement>('button.link')!.click();
    await tick();
    flushSync();
    const status = () => document.querySelector('[role="status"]')!.textContent;
    expect(opened).toHaveLength(1);
    const host = new URL(opened[0]).hostname;
    expect(status()).toBe(`This link could not be opened: ${host} is not on the list of allowed sites`);
    locale.set('fr');
    flushSync();
    expect(status()).toBe(`Impossible d’ouvrir ce lien\u00a0: ${host} ne fait pas partie des sites autorisés`);
    locale.set('es');
    flushSync();
    expect(status()).not.toMatch(/allowed|list of/);
  });
});
