import {
  LESSON_PACK_FORMAT,
  LESSON_PACK_MAX_BYTES,
  packTooBig,
  type LessonPack,
  type LessonSectionId,
  type PackParse,
  type QuizQuestionId,
} from '../../src-shared/protocol/lesson-pack';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import { readLessonPack } from '../i18n/pack-translations';
import { readFileText } from '../lesson/download';

export interface PackChoices {
  readonly title: string;
  readonly sections: readonly LessonSectionId[];
  readonly questions: readonly QuizQuestionId[];
  readonly quizSeed: number;
  readonly demoSeed: number;
  readonly config: TrainingConfig;
}

/** A pack ready to save as JSON; `now` is injectable for tests. */
export function makeLessonPack(choices: PackChoices, now: Date = new Date()): LessonPack {
  return {
    format: LESSON_PACK_FORMAT,
    version: 1,
    title: choices.title.trim(),
    createdAt: now.toISOString(),
    sections: [...choices.sections],
    questions: [...choices.questions],
    quizSeed: choices.quizSeed,
    demoSeed: choices.demoSeed,
    // A JSON copy: the config may be a reactive proxy, which structuredClone refuses.
    config: JSON.parse(JSON.stringify(choices.config)) as TrainingConfig,
  };
}

export function packFileName(pack: LessonPack): string {
  const slug = pack.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'lesson';
  return `${slug}.rnnlab-pack.json`;
}

/** A pack file the teacher picked: refused by its size before a byte is read, else read, parsed and its translations checked. */
export async function readLessonPackFile(file: Blob): Promise<PackParse> {
  if (file.size > LESSON_PACK_MAX_BYTES) return packTooBig();
  return readLessonPack(await readFileText(file));
}
