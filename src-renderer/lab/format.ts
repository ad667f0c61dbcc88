/** Number formatting shared by the Lab's readouts. */

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return grouped.format(n);
}

/** A loss or other scalar with 3 significant digits; a dash when it is not a finite number. */
export function formatScalar(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x !== 0 && Math.abs(x) < 1e-4) return x.toExponential(1);
  return Math.abs(x) < 0.001 ? x.toPrecision(2) : x.toPrecision(3);
}

export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${(x * 100).toFixed(1)}%`;
}

/** Learning rates live on a log scale: the slider holds log10(lr). */
export function lrFromSlider(log10: number): number {
  return Number((10 ** log10).toPrecision(2));
}

export function lrToSlider(lr: number): number {
  return Math.round(Math.log10(lr) * 20) / 20;
}

export function formatLr(lr: number): string {
  return lr >= 0.001 ? String(Number(lr.toPrecision(2))) : lr.toExponential(1);
}
