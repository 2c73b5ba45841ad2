/*
 * Cascade's Tasklist, only real work in it (issue 14, item 6):
 *  - each task's subtitle says what it is and which directive ("Báo cáo của cơ quan · 8888/UBND-THNC"),
 *    not the process's name, which is the same for a report, its review and a contribution;
 *  - "Tạo nhiệm vụ" and "Khởi tạo quy trình" only for administrators (cascade.css hides them
 *    unless this script marks the page): nobody else has the permissions they need;
 *  - links of a form to Cascade's pages (attachments, extension) open beside Tasklist, in a new tab,
 *    so that what was typed in the form stays where it is.
 *
 * Imported by language.js; acts in Tasklist only.
 */
const base = document.querySelector('base') || document.documentElement;
const inTasklist = base.getAttribute('app-name') === 'tasklist';
const appRoot = base.getAttribute('app-root') || '/camunda';
const root = appRoot.startsWith('$') ? '/camunda' : appRoot;

// What a task is, from the first words of its name (set by Cascade for every task).
const KINDS = [
  [/^Báo cáo kết quả/, 'Báo cáo của cơ quan'],
  [/^Xem xét báo cáo/, 'Xem xét báo cáo'],
  [/^Phối hợp/, 'Góp ý phối hợp'],
  [/^Quyết định gia hạn/, 'Quyết định gia hạn'],
  [/^Tổng hợp báo cáo/, 'Tổng hợp báo cáo'],
  [/^Phê duyệt/, 'Phê duyệt'],
  [/^Vào sổ/, 'Vào sổ văn bản đến'],
  [/^Soạn thảo/, 'Soạn thảo văn bản'],
  [/^Chuẩn bị báo cáo/, 'Báo cáo Ban Thường vụ Tỉnh ủy']
];

function subtitleOf(name) {
  const kind = KINDS.find(([pattern]) => pattern.test(name));
  const dash = name.lastIndexOf(' — ');
  const of = dash >= 0 ? name.substring(dash + 3) : '';
  return kind ? kind[1] + (of ? ' · ' + of : '') : null;
}

function relabel() {
  document.querySelectorAll('[cam-tasks] li.task').forEach(item => {
    const title = item.querySelector('h4.task a');
    const sub = item.querySelector('h6.process-definition');
    if (!title || !sub) {
      return;
    }
    const text = subtitleOf(title.textContent.trim());
    if (text && sub.textContent.trim() !== text) {
      sub.textContent = text;
    }
  });
  const cardTitle = document.querySelector('[cam-tasklist-task] .task-card h2.task');
  const cardSub = document.querySelector('[cam-tasklist-task] .task-card h4.process-definition');
  if (cardTitle && cardSub) {
    const text = subtitleOf(cardTitle.textContent.trim());
    // The process name is the heading's first text; a link to the process follows it.
    const label = [...cardSub.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
    if (text && label && label.textContent.trim() !== text) {
      label.textContent = text + ' ';
    }
  }
  document.querySelectorAll('[cam-tasklist-task] form.fjs-form a[href*="/assignments/"], [cam-tasklist-task] form.fjs-form a[href*="/dashboard/"]').forEach(link => {
    if (link.target !== '_blank') {
      link.target = '_blank';
      link.rel = 'noopener';
    }
  });
}

if (inTasklist) {
  fetch(root + '/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(r => (r.ok ? r.json() : null))
    .then(user => {
      if (user && (user.authorizedApps || []).includes('admin')) {
        document.documentElement.classList.add('cascade-may-create');
      }
    })
    .catch(() => {});
  let scheduled = false;
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(() => {
        scheduled = false;
        relabel();
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
