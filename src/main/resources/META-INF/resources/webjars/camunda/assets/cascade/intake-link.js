/*
 * Cascade: a link to *Nhập văn bản* (/intake/directives/new, Soạn / nhập Công văn) in Tasklist's
 * header, beside the dashboard link, for the people who may issue: Văn phòng UBND, the UBND
 * leadership and administrators. Agencies never see it.
 *
 * Who may issue is the page's own rule (intake/IntakePageController, CurrentUser.ISSUER_GROUPS):
 * the script asks the page itself (HEAD, the same session) and shows the link only on 200, so the
 * rule lives in one place; a 403, a redirect to the login page or a network error shows nothing.
 *
 * Imported by language.js; acts in Tasklist only. Labelled in the language chosen with the footer
 * switch (language.js): "Nhập văn bản" or "Import a letter".
 */
const STORAGE_KEY = 'cascade.language';
const base = document.querySelector('base') || document.documentElement;
const inTasklist = base.getAttribute('app-name') === 'tasklist';
const appRoot = base.getAttribute('app-root') || '/camunda';
const contextPath = appRoot.startsWith('$') ? '' : appRoot.replace(/\/camunda\/?$/, '');
const HREF = contextPath + '/intake/directives/new';

function chosenLanguage() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
}

const LABEL = chosenLanguage() === 'vi' ? 'Nhập văn bản' : 'Import a letter';
const TITLE = chosenLanguage() === 'vi' ? 'Soạn / nhập Công văn từ văn bản (PDF, DOCX, ảnh quét hoặc dán nội dung)'
  : 'Issue a directive from its letter (PDF, DOCX, scan or pasted text)';

function addLink() {
  // <nav class="cam-nav app-menu"><ul> [engine-select] [dashboard link] [account, once logged in] | [app switch]
  const account = document.querySelector('[cam-widget-header] .app-menu > ul > li.account');
  if (!account || account.parentElement.querySelector(':scope > li.cascade-intake')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'cascade-intake';
  const link = document.createElement('a');
  link.href = HREF;
  link.title = TITLE;
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-import';
  icon.setAttribute('aria-hidden', 'true');
  link.appendChild(icon);
  link.appendChild(document.createTextNode(' ' + LABEL));
  item.appendChild(link);
  account.parentElement.insertBefore(item, account);
}

if (inTasklist) {
  fetch(HREF, {method: 'HEAD', credentials: 'same-origin', redirect: 'manual', headers: {Accept: 'text/html'}})
    .then(r => {
      if (r.status !== 200) {
        return;
      }
      addLink();
      // The header is drawn by AngularJS after this script ran, and redrawn at will.
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
    })
    .catch(() => {});
}

// Not a plugin: nothing to register.
export default [];
