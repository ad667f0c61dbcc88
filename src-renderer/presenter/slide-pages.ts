/**
 * Cutting a slide's prose into pages that fit the screen: blocks (paragraphs, formulas, lists) are kept whole and
 * laid out greedily, a new page starting where the next block would overflow the height available. A block taller
 * than a page gets a page of its own (it is then clipped, never split mid-line).
 */
export function pageBreaks(heights: readonly number[], available: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  heights.forEach((h, i) => {
    if (page.length > 0 && used + h > available) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(i);
    used += h;
  });
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}
