import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../../i18n/i18n.svelte';
import { chainFromDetail } from '../chain-data';
import { fakeDetail } from '../test-fixtures';
import { LabelWriter } from './label-writer';
import { sceneWords, targetLabel } from './scene-words';

function encoderDecoder() {
  const detail = fakeDetail({ T: 7, H: 3, inputs: 4, outputs: 3, targets: 3 });
  return chainFromDetail(detail, 'encoder-decoder', { hiddenSize: 3, bidirectional: false });
}

describe('scene words', () => {
  afterEach(() => locale.set('en'));

  it('sceneWords() reads the catalogue of the current locale', () => {
    expect(sceneWords().encoder).toBe('encoder');
    locale.set('fr');
    expect(sceneWords().encoder).toBe('encodeur');
    expect(sceneWords().decoder).toBe('décodeur');
    locale.set('es');
    expect(sceneWords().context).toBe('contexto');
  });

  it('targetLabel fills the template with the token, in each language', () => {
    expect(targetLabel(sceneWords(), 'NOUN')).toBe('target NOUN');
    locale.set('fr');
    expect(targetLabel(sceneWords(), 'NOUN')).toBe('cible NOUN');
  });

  it('the label writer asks for the words of the language it was last given, and forgets the old ones', () => {
    const chain = encoderDecoder();
    const writer = new LabelWriter(sceneWords());
    const en = writer.strings(chain);
    expect(en.has('encoder')).toBe(true);
    expect([...en].some((s) => s.startsWith('target '))).toBe(true);
    locale.set('fr');
    writer.setWords(sceneWords());
    const fr = writer.strings(chain);
    expect(fr.has('encodeur')).toBe(true);
    expect(fr.has('encoder')).toBe(false);
    expect([...fr].some((s) => s.startsWith('cible '))).toBe(true);
    expect([...fr].some((s) => s.startsWith('target '))).toBe(false);
  });
});
