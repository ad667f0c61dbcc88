/**
 * Watch a chart's box for what its text size depends on (chart-text.ts): the width it is drawn at and the size of
 * 1em in it (an invisible 1em-wide probe, so "Larger text" and presenter mode count). Where there is no
 * ResizeObserver (tests), it reads once.
 */
export function watchChartBox(box: HTMLElement, probe: HTMLElement, report: (shownWidth: number, emPx: number) => void): () => void {
  const read = () => report(box.clientWidth, probe.getBoundingClientRect().width || parseFloat(getComputedStyle(box).fontSize));
  read();
  if (typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(read);
  observer.observe(box);
  observer.observe(probe);
  return () => observer.disconnect();
}
