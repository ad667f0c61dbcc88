import { en, type MessageKey } from '../i18n/en';
import type { Block, SectionDef } from './sections';

/** Reading speed assumed for advanced, technical prose. */
export const WORDS_PER_MINUTE = 200;
/** A display formula takes about as long to read as this many words. */
export const WORDS_PER_FORMULA = 20;
/** A small interactive widget inside the text. */
export const WIDGET_MINUTES = 0.5;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

function blockMinutes(block: Block): number {
  const words = (key: MessageKey) => countWords(en[key]);
  switch (block.kind) {
    case 'p':
      return words(block.key) / WORDS_PER_MINUTE;
    case 'list':
      return block.keys.reduce((sum, k) => sum + words(k), 0) / WORDS_PER_MINUTE;
    case 'math':
      return WORDS_PER_FORMULA / WORDS_PER_MINUTE;
    case 'widget':
      return WIDGET_MINUTES;
    case 'link':
      return words(block.key) / WORDS_PER_MINUTE;
  }
}

/** Estimated minutes for one section: its English text at reading speed plus time at the live view. */
export function sectionMinutes(section: SectionDef): number {
  const reading = section.blocks.reduce((sum, b) => sum + blockMinutes(b), 0) + countWords(en[section.demoText]) / WORDS_PER_MINUTE;
  return reading + section.demoMinutes;
}

/** Rounded for display to the nearest half minute, never below half a minute. */
export function roundMinutes(minutes: number): number {
  return Math.max(0.5, Math.round(minutes * 2) / 2);
}
