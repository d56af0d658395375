/**
 * Gaps in naive-ui's markup that axe-core reports, closed in one place for every page and dialog:
 * - NCard puts role="heading" without a level on the header AND on its title inside it (aria-required-attr): the
 *   title becomes the heading, at level 2 below the page's h1 (3, 4 … for cards inside cards); the wrapper, which
 *   also holds the header's buttons, is no heading;
 * - NDataTable with horizontal scroll has a scrollable header without keyboard access (scrollable-region-focusable);
 * - NInputNumber's − / + buttons have no name (button-name): they repeat the field's arrow keys, so they leave the
 *   tab order and the accessibility tree (the field itself stays a labelled spin button).
 */
export function fixNaiveAria(root: ParentNode): void {
  for (const el of root.querySelectorAll('.n-card-header[role="heading"]')) el.removeAttribute('role');
  for (const el of root.querySelectorAll<HTMLElement>('.n-card-header__main[role="heading"]:not([aria-level])')) {
    let depth = 0;
    for (let p = el.parentElement?.closest('.n-card') ?? null; p; p = p.parentElement?.closest('.n-card') ?? null) depth++;
    el.setAttribute('aria-level', String(Math.min(6, 1 + Math.max(1, depth))));
  }
  for (const el of root.querySelectorAll('.n-data-table-base-table-header:not([tabindex])')) el.setAttribute('tabindex', '0');
  for (const el of root.querySelectorAll('.n-input-number .n-input__suffix button:not([aria-hidden])')) {
    el.setAttribute('aria-hidden', 'true');
    el.setAttribute('tabindex', '-1');
  }
}

/** Applies fixNaiveAria now and after every DOM change (batched per frame). */
export function watchNaiveAria(doc: Document = document): MutationObserver {
  let queued = false;
  const run = () => {
    queued = false;
    fixNaiveAria(doc);
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(run);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  fixNaiveAria(doc);
  return observer;
}
