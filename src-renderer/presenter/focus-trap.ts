/**
 * Keep Tab and Shift+Tab inside `root` (a modal dialog): from its last focusable item Tab wraps to the first, and
 * Shift+Tab from the first (or from the dialog itself) wraps to the last.
 */
export function trapTab(root: HTMLElement, e: KeyboardEvent): void {
  const items = [...root.querySelectorAll<HTMLElement>('button:not([disabled]), input, select, [tabindex="0"]')];
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && (document.activeElement === first || document.activeElement === root)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
