import { interpolate, t } from '../../../i18n/i18n.svelte';
import type { RowWords } from '../row-titles';

/** The words the 3D scene draws on the canvas, in the current language (read inside an effect, they follow it). */
export interface SceneWords extends RowWords {
  readonly encoder: string;
  readonly decoder: string;
  readonly context: string;
  readonly loop: string;
  /** "target {token}" as a template: the writer fills it once per token. */
  readonly target: string;
}

export function sceneWords(): SceneWords {
  return {
    encoder: t('ui.unrolled.scene.encoder'),
    decoder: t('ui.unrolled.scene.decoder'),
    context: t('ui.unrolled.scene.context'),
    leftToRight: t('ui.unrolled.scene.leftToRight'),
    rightToLeft: t('ui.unrolled.scene.rightToLeft'),
    loop: t('ui.unrolled.scene.loop'),
    lowerLayer: t('ui.unrolled.scene.lowerLayer'),
    upperLayer: t('ui.unrolled.scene.upperLayer'),
    lowerForward: t('ui.unrolled.scene.lowerForward'),
    lowerBackward: t('ui.unrolled.scene.lowerBackward'),
    upperForward: t('ui.unrolled.scene.upperForward'),
    upperBackward: t('ui.unrolled.scene.upperBackward'),
    // Left as a template ({token} untouched) so the writer fills it once per token, not per frame.
    target: t('ui.unrolled.scene.target', { token: '{token}' }),
  };
}

/** "target NOUN" in the scene's language. */
export function targetLabel(words: SceneWords, token: string): string {
  return interpolate(words.target, { token });
}

/** Every title the scene may draw (the atlas typesets them up front). */
export function titleStrings(words: SceneWords): string[] {
  return [words.encoder, words.decoder, words.context, words.leftToRight, words.rightToLeft, words.loop, words.lowerLayer, words.upperLayer, words.lowerForward, words.lowerBackward, words.upperForward, words.upperBackward];
}
