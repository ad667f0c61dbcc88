import type { DemoPreset } from './demo-presets';

/**
 * Cross-screen requests that do not need the shell's wiring: the quiz asks the lesson to open a section, and
 * the lesson leaves a view preset for the Lab or Gradients screen to pick up (`takePreset`). Screens switch
 * through the URL hash, which the shell already follows.
 */
class LessonNav {
  pendingSection: string | null = $state(null);
  #preset: DemoPreset | null = null;
  #anchor: string | null = null;

  openSection(id: string): void {
    this.pendingSection = id;
    location.hash = '#lesson';
  }

  /** Switch screens; `anchor` names a panel of that screen to bring into view (see takeAnchor). */
  openScreen(screen: 'lab' | 'gradients' | 'quiz' | 'lesson', preset?: DemoPreset, anchor?: string): void {
    this.#preset = preset ?? null;
    this.#anchor = anchor ?? null;
    location.hash = `#${screen}`;
  }

  /** The panel the lesson asked the screen to show, once (null when there is none). */
  takeAnchor(): string | null {
    const a = this.#anchor;
    this.#anchor = null;
    return a;
  }

  /** The preset the lesson left for a view, once (null when there is none). */
  takePreset(): DemoPreset | null {
    const p = this.#preset;
    this.#preset = null;
    return p;
  }
}

export const lessonNav = new LessonNav();
