import type { Page } from '@playwright/test';
import { en } from '../src-renderer/i18n/en';
import { es } from '../src-renderer/i18n/es';
import { fr } from '../src-renderer/i18n/fr';

/**
 * What "English left on screen" means for browser-locales.spec.ts: text the learner can see (text nodes, SVG labels,
 * aria-label/title/alt/placeholder) that is an English catalogue string, or prose with English function words.
 * Not checked: formulas (KaTeX), and whatever the page itself marks as another language (`lang="en"` on the English
 * data sets' examples and on bibliographic citations), and quotations of English data inside « » guillemets.
 */

export type CheckedLocale = 'fr' | 'es';

/** The target catalogues, to tell an untranslated English string from one that is the same in both languages. */
const TARGET: Record<CheckedLocale, Readonly<Record<string, string>>> = { fr, es };

/** Names and symbols that are the same in every language. */
export const ALLOWED = [
  'RNN Lab', 'RNN', 'LSTM', 'GRU', 'BPTT', 'PyTorch', 'TensorFlow', 'BERT', 'SVG', 'PNG', 'CSV', 'JSON', 'ReLU', 'tanh',
  'softmax', 'Adam', 'SGD', 'Jane Austen', 'English', 'Español', 'Français', 'one-hot', 'Xavier', 'Elman', 'Wxh', 'Whh', 'Why',
  'DET', 'NOUN', 'VERB', 'ADJ', 'ADV', 'PREP', 'PRON', 'CONJ', 'PUNCT', 'min', 'maj',
];

/** Common English words that are not also French or Spanish words: two in one text node mean English prose. */
const ENGLISH_WORDS = new Set(
  ('the and of with for from this that which are was were will your you each every when then than its by has have been would ' +
    'should could into about after before while where there their they them these those what how why here only also ' +
    'press start run training step steps loss accuracy held-out hidden units shows show see read learn network ' +
    'cell cells sequence words word first last next previous lesson settings model is to it be on at in if').split(' '),
);
/** Words of the list that French or Spanish also use, so they never count alone. */
const SHARED_WORDS = new Set(['on', 'a', 'en', 'in', 'son', 'date', 'total', 'score', 'gradients', 'min']);

function fragmentsOf(value: string): string[] {
  return value
    .split(/\{\w+\}/)
    .map((f) => f.replace(/\$[^$]*\$/g, ' ').trim())
    .filter((f) => /[A-Za-z]{3}/.test(f) && f.length >= 4);
}

/** English catalogue fragments that differ from every target-locale string, with the key each came from. */
export function englishFragments(target: CheckedLocale): { multi: Map<string, string>; single: Map<string, string> } {
  const targetValues = Object.values(TARGET[target]);
  const multi = new Map<string, string>();
  const single = new Map<string, string>();
  for (const [key, value] of Object.entries(en)) {
    for (const f of fragmentsOf(value)) {
      if (ALLOWED.includes(f) || targetValues.some((v) => v.includes(f))) continue;
      if (/\s/.test(f)) {
        if (f.split(/\s+/).filter((w) => /[A-Za-z]{2}/.test(w)).length >= 2 && f.length >= 10) multi.set(f, key);
      } else single.set(f, key);
    }
  }
  return { multi, single };
}

export interface SeenText {
  readonly text: string;
  /** Where it was: a short CSS-like path, or "aria-label of …". */
  readonly where: string;
}

/** Every text the learner can see or hear on the page now, outside formulas and other-language parts. */
export async function visibleTexts(page: Page): Promise<SeenText[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    const pageLang = document.documentElement.lang;
    const skip = (el: Element | null): boolean => {
      if (!el) return true;
      if (el.closest('.katex, script, style, noscript, template')) return true;
      const langEl = el.closest('[lang]');
      if (langEl && !langEl.getAttribute('lang')!.startsWith(pageLang)) return true;
      return false;
    };
    const pathOf = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const id = e.getAttribute('data-testid') ?? e.id;
        parts.unshift(e.tagName.toLowerCase() + (id ? `[${id}]` : e.classList[0] ? `.${e.classList[0]}` : ''));
      }
      return parts.join(' > ');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      if (!text || !el || skip(el)) continue;
      if (el.closest('select') && !(el.closest('option') as HTMLOptionElement | null)?.selected) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false }) && !el.closest('.visually-hidden')) continue;
      out.push({ text, where: pathOf(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder], [aria-description]')) {
      if (skip(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description']) {
        const v = el.getAttribute(attr);
        if (v && v.trim()) out.push({ text: v.trim(), where: `${attr} of ${pathOf(el)}` });
      }
    }
    return out;
  });
}

/** The texts among `seen` that are English: each with the reason (catalogue key, or the English words found). */
export function englishOnScreen(seen: readonly SeenText[], target: CheckedLocale): string[] {
  const { multi, single } = englishFragments(target);
  const found: string[] = [];
  for (const { text, where } of seen) {
    // Quoted data (« not », «two hundred and five») is the English data set itself.
    const own = text.replace(/«[^»]*»/g, ' ').replace(/“[^”]*”/g, ' ');
    let reason = '';
    for (const [f, key] of multi) {
      if (own.includes(f)) {
        reason = `English catalogue text of ${key}: "${f}"`;
        break;
      }
    }
    if (!reason && single.has(own)) reason = `English catalogue text of ${single.get(own)}`;
    if (!reason) {
      const words = (own.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((w) => !ALLOWED.includes(w));
      const english = [...new Set(words.filter((w) => ENGLISH_WORDS.has(w) && !SHARED_WORDS.has(w)))];
      if (english.length >= 2) reason = `English words: ${english.slice(0, 6).join(', ')}`;
    }
    if (reason) found.push(`${where}: "${text.slice(0, 90)}" (${reason})`);
  }
  return [...new Set(found)];
}
