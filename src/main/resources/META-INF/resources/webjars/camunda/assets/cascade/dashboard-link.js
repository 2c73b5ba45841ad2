/*
 * Cascade: a link back to Cascade's dashboard (/dashboard) in the header of the Camunda webapps,
 * beside the user menu, once logged in.
 *
 * Imported by assets/cascade/language.js (Tasklist, Admin, Welcome) and loaded by `customScripts`
 * in app/cockpit/scripts/config.js (Cockpit, which stays in English otherwise). Labelled in the
 * language chosen with the footer switch (language.js, kept in localStorage): "Bảng theo dõi" or
 * "Dashboard" — in Cockpit "Cascade dashboard", since Cockpit has a "Dashboard" of its own.
 */
const STORAGE_KEY = 'cascade.language';
const base = document.querySelector('base') || document.documentElement;
const app = base.getAttribute('app-name');

function chosenLanguage() {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch (e) {
    return 'vi';
  }
}

const LABEL = chosenLanguage() === 'vi' ? 'Bảng theo dõi' : (app === 'cockpit' ? 'Cascade dashboard' : 'Dashboard');
const TITLE = chosenLanguage() === 'vi' ? 'Bảng theo dõi việc thực hiện chỉ đạo' : 'Cascade: who has reported, who is late';

// app-root is the servlet context path plus Camunda's application path (/camunda by default);
// the dashboard lives at the context path.
const appRoot = base.getAttribute('app-root') || '/camunda';
const HREF = (appRoot.startsWith('$') ? '' : appRoot.replace(/\/camunda\/?$/, '')) + '/dashboard';

function addLink() {
  // <nav class="cam-nav app-menu"><ul> [engine-select] [account, once logged in] | [app switch]
  const account = document.querySelector('[cam-widget-header] .app-menu > ul > li.account');
  if (!account || account.parentElement.querySelector(':scope > li.cascade-dashboard')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'cascade-dashboard';
  const link = document.createElement('a');
  link.href = HREF;
  link.title = TITLE;
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-stats';
  icon.setAttribute('aria-hidden', 'true');
  link.appendChild(icon);
  link.appendChild(document.createTextNode(' ' + LABEL));
  item.appendChild(link);
  account.parentElement.insertBefore(item, account);
}

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

// Not a plugin: nothing to register.
export default [];
