/*
 * Cascade: one login for the webapps and Cascade's pages (security/SecurityConfig).
 *
 * The webapps learn the user from Cascade's login (Camunda's container-based authentication), so
 * their own login form is never the way in: its endpoint is closed. Whenever a webapp shows its
 * login route — after *Đăng xuất* (which ends the whole session, security/WebappLogoutFilter) or
 * when the session has expired — the browser goes to Cascade's login page instead, which brings
 * the person back here afterwards.
 *
 * Imported by language.js (Tasklist, Admin, Welcome); loaded by `customScripts` in Cockpit.
 */
const base = document.querySelector('base') || document.documentElement;
const appRoot = base.getAttribute('app-root') || '/camunda';
const contextPath = appRoot.startsWith('$') ? '' : appRoot.replace(/\/camunda\/?$/, '');

let leaving = false;

function toCascadeLogin() {
  if (leaving || !/^#\/login\b/.test(window.location.hash)) {
    return;
  }
  leaving = true;
  // Straight after a logout the session is gone: say so on the login page.
  const loggedOut = window.sessionStorage.getItem('cascade.logout') === '1';
  window.sessionStorage.removeItem('cascade.logout');
  window.location.replace(contextPath + '/login' + (loggedOut ? '?logout' : ''));
}

// The webapps' logout entry: remember that this login route follows a logout.
document.addEventListener('click', event => {
  const target = event.target instanceof Element ? event.target.closest('li.logout a, .logout a, a[ng-click*="logout"]') : null;
  if (target) {
    window.sessionStorage.setItem('cascade.logout', '1');
  }
}, true);

window.addEventListener('hashchange', toCascadeLogin);
toCascadeLogin();
