import type { LessonSectionId } from '../../src-shared/protocol/lesson-pack';
import { LESSON_SECTION_IDS } from '../../src-shared/protocol/lesson-pack';
import type { MessageKey } from '../i18n/en';
import type { FormulaId } from './formulas';
import type { DemoPreset } from './demo-presets';
import { DEMO_PRESETS } from './demo-presets';

/** One piece of a section's body, in reading order. */
export type Block =
  | { readonly kind: 'p'; readonly key: MessageKey }
  | { readonly kind: 'math'; readonly formula: FormulaId }
  | { readonly kind: 'list'; readonly keys: readonly MessageKey[] }
  | { readonly kind: 'widget'; readonly widget: 'param-calc' | 'power-calc' }
  /** A sentence and a button that opens a panel of another screen (`anchor` is the panel's element id there). */
  | { readonly kind: 'link'; readonly key: MessageKey; readonly label: MessageKey; readonly screen: 'gradients'; readonly anchor: string };

export interface SectionDef {
  readonly id: LessonSectionId;
  readonly title: MessageKey;
  readonly blocks: readonly Block[];
  /** Sentence pointing at the live view beside the text. */
  readonly demoText: MessageKey;
  readonly demo: DemoPreset;
  /** Minutes to spend on the live view, added to the reading time. */
  readonly demoMinutes: number;
  readonly notes: MessageKey;
  readonly keyPoint: MessageKey;
}

const p = (key: MessageKey): Block => ({ kind: 'p', key });
const math = (formula: FormulaId): Block => ({ kind: 'math', formula });

const BODIES: Record<LessonSectionId, { blocks: Block[]; demoMinutes: number }> = {
  why: { blocks: [p('lesson.why.p1'), p('lesson.why.p2'), p('lesson.why.p3')], demoMinutes: 0.5 },
  cell: {
    blocks: [p('lesson.cell.p1'), math('cell'), p('lesson.cell.p2'), p('lesson.cell.p3'), p('lesson.cell.p4'), math('params'), p('lesson.cell.live'), { kind: 'widget', widget: 'param-calc' }],
    demoMinutes: 0.5,
  },
  bptt: { blocks: [p('lesson.bptt.p1'), p('lesson.bptt.p2'), p('lesson.bptt.p3'), math('bpttSum'), p('lesson.bptt.p4')], demoMinutes: 1 },
  vanishing: {
    blocks: [
      p('lesson.vanishing.p1'), math('chain'), math('jacobian'), p('lesson.vanishing.p2'), p('lesson.vanishing.worked'),
      { kind: 'widget', widget: 'power-calc' }, p('lesson.vanishing.p3'), p('lesson.vanishing.p4'),
      { kind: 'link', key: 'lesson.vanishing.attribLink', label: 'lesson.vanishing.attribOpen', screen: 'gradients', anchor: 'attribution' },
      p('lesson.vanishing.p5'),
    ],
    demoMinutes: 0.5,
  },
  gates: {
    blocks: [p('lesson.gates.p1'), math('lstm'), p('lesson.gates.p2'), math('lstmPath'), p('lesson.gates.p3'), math('gru'), p('lesson.gates.p4')],
    demoMinutes: 1,
  },
  shapes: {
    blocks: [p('lesson.shapes.p1'), { kind: 'list', keys: ['lesson.shapes.m2o', 'lesson.shapes.m2m', 'lesson.shapes.encdec', 'lesson.shapes.o2m'] }, p('lesson.shapes.p2')],
    demoMinutes: 0.5,
  },
  bidirectional: {
    blocks: [p('lesson.bidirectional.p1'), p('lesson.bidirectional.p2'), math('bidirectional'), p('lesson.bidirectional.p3'), p('lesson.bidirectional.p4')],
    demoMinutes: 1,
  },
};

/** The lesson in reading order. */
export const SECTIONS: readonly SectionDef[] = LESSON_SECTION_IDS.map((id) => ({
  id,
  title: `section.${id}.title` as MessageKey,
  blocks: BODIES[id].blocks,
  demoText: `lesson.${id}.demo` as MessageKey,
  demo: DEMO_PRESETS[id],
  demoMinutes: BODIES[id].demoMinutes,
  notes: `notes.${id}` as MessageKey,
  keyPoint: `key.${id}` as MessageKey,
}));

export function sectionById(id: string): SectionDef | undefined {
  return SECTIONS.find((s) => s.id === id);
}
