/*
 * Cascade: one link of ours in the header of a Camunda webapp, beside the user menu once logged in
 * (dashboard-link.js, intake-link.js). The header is drawn by AngularJS after the scripts ran and
 * redrawn at will, so the link is put back whenever the page changes.
 */
const STORAGE_KEY = 'cascade.language';
const base = document.querySelector('base') || document.documentElement;

/** The webapp this page is ("tasklist", "cockpit", …). */
export const app = base.getAttribute('app-name');

/** Whether the footer switch (language.js, kept in localStorage) chose Vietnamese. */
export function vietnamese() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'en';
  } catch (e) {
    return true;
  }
}

/**
 * A path of Cascade's own (/dashboard, /intake/…) under the servlet context path: app-root is that
 * context path plus Camunda's application path (/camunda by default).
 */
export function cascadePath(path) {
  const appRoot = base.getAttribute('app-root') || '/camunda';
  return (appRoot.startsWith('$') ? '' : appRoot.replace(/\/camunda\/?$/, '')) + path;
}

/**
 * Keeps the link {@code <li class="className"><a href title><span class="glyphicon icon"></span> label</a></li>}
 * in the header's menu, before the account entry.
 */
export function keepHeaderLink({className, icon, href, label, title}) {
  function addLink() {
    // <nav class="cam-nav app-menu"><ul> [engine-select] [our links] [account, once logged in] | [app switch]
    const account = document.querySelector('[cam-widget-header] .app-menu > ul > li.account');
    if (!account || account.parentElement.querySelector(':scope > li.' + className)) {
      return;
    }
    const item = document.createElement('li');
    item.className = className;
    const link = document.createElement('a');
    link.href = href;
    link.title = title;
    const glyph = document.createElement('span');
    glyph.className = 'glyphicon ' + icon;
    glyph.setAttribute('aria-hidden', 'true');
    link.appendChild(glyph);
    link.appendChild(document.createTextNode(' ' + label));
    item.appendChild(link);
    account.parentElement.insertBefore(item, account);
  }
  addLink();
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(() => {
        scheduled = false;
        addLink();
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
}

// Not a plugin: nothing to register.
export default [];
