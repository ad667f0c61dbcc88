/** The lesson screen's pages besides the sections themselves. */
export type LessonPage = 'section' | 'takeaways' | 'references';
