import { LESSON_SECTION_IDS, QUIZ_QUESTION_IDS, type LessonPack, type LessonSectionId, type QuizQuestionId } from '../../src-shared/protocol/lesson-pack';
import { setPackTranslations } from '../i18n/i18n.svelte';
import { readLessonPack } from '../i18n/pack-translations';

/** Where the active pack is remembered between launches (validated again on every load). */
export const PACK_STORAGE_KEY = 'rnn-lab.lesson-pack';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The lesson pack in force, if a teacher's file was loaded: it decides sections, questions and seeds. */
class Classroom {
  pack: LessonPack | null = $state.raw(null);

  constructor() {
    const text = storage()?.getItem(PACK_STORAGE_KEY);
    if (text) {
      const parsed = readLessonPack(text);
      if (parsed.ok) this.#set(parsed.pack);
      else storage()?.removeItem(PACK_STORAGE_KEY);
    }
  }

  get sections(): readonly LessonSectionId[] {
    return this.pack ? LESSON_SECTION_IDS.filter((id) => this.pack?.sections.includes(id)) : LESSON_SECTION_IDS;
  }

  get questions(): readonly QuizQuestionId[] {
    return this.pack?.questions ?? QUIZ_QUESTION_IDS;
  }

  /** The pack decides sections, questions and seeds, and its own translations replace the app's texts. */
  #set(pack: LessonPack | null): void {
    this.pack = pack;
    setPackTranslations(pack?.translations);
  }

  use(pack: LessonPack): void {
    this.#set(pack);
    storage()?.setItem(PACK_STORAGE_KEY, JSON.stringify(pack));
  }

  clear(): void {
    this.#set(null);
    storage()?.removeItem(PACK_STORAGE_KEY);
  }
}

export const classroom = new Classroom();
