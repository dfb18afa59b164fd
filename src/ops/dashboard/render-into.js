// @ts-check
/* global document */
import { h, replace } from './dom.js';
import { t } from './i18n.js';

const main = /** @type {HTMLElement} */ (document.getElementById('main'));

/** Shows what `build` makes in the page's main area, or the error it failed with. */
export async function renderInto(build) {
  try {
    replace(main, ...(await build()));
  } catch (error) {
    replace(main, h('div', { class: 'banner bad', role: 'alert' }, `${t('error')}: ${error instanceof Error ? error.message : String(error)}`));
  }
  main.setAttribute('aria-busy', 'false');
}

/** The main area is being rebuilt (screen readers are told). */
export function markBusy() {
  main.setAttribute('aria-busy', 'true');
}
