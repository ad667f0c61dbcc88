import { enAttrib } from './en-attrib';
import { enData } from './en-data';
import { enExtra } from './en-extra';
import { enLesson } from './en-lesson';
import { enPolicy } from './en-policy';
import { enProblems } from './en-problems';
import { enQuiz } from './en-quiz';
import { enScreens } from './en-screens';
import { enUi } from './en-ui';

/** The complete English catalogue: every key the app looks up. */
export const en = { ...enUi, ...enData, ...enLesson, ...enQuiz, ...enExtra, ...enPolicy, ...enProblems, ...enScreens, ...enAttrib };
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
