/** Learning rates live on a log scale: the slider holds log10(lr). */
export function lrFromSlider(log10: number): number {
  return Number((10 ** log10).toPrecision(2));
}

export function lrToSlider(lr: number): number {
  return Math.round(Math.log10(lr) * 20) / 20;
}
