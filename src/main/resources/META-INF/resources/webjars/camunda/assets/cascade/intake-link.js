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
import {app, cascadePath, keepHeaderLink, vietnamese} from './header-link.js';

const HREF = cascadePath('/intake/directives/new');

if (app === 'tasklist') {
  fetch(HREF, {method: 'HEAD', credentials: 'same-origin', redirect: 'manual', headers: {Accept: 'text/html'}})
    .then(r => {
      if (r.status === 200) {
        keepHeaderLink({
          className: 'cascade-intake',
          icon: 'glyphicon-import',
          href: HREF,
          label: vietnamese() ? 'Nhập văn bản' : 'Import a letter',
          title: vietnamese() ? 'Soạn / nhập Công văn từ văn bản (PDF, DOCX, ảnh quét hoặc dán nội dung)'
            : 'Issue a directive from its letter (PDF, DOCX, scan or pasted text)',
        });
      }
    })
    .catch(() => {});
}

// Not a plugin: nothing to register.
export default [];
