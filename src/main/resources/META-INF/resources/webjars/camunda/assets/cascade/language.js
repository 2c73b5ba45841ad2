/*
 * Cascade: Vietnamese by default, English on request, in Tasklist, Admin and Welcome.
 *
 * Loaded by `customScripts` in each app's scripts/config.js, after Camunda read config.js and
 * before the app starts. Left alone, those apps take the browser's first language when
 * config.js lists it in `locales.availableLocales` (['vi', 'en']) and `locales.fallbackLocale`
 * ('vi') otherwise, so a browser set to English would get English. Here the language is the
 * user's choice instead: Vietnamese unless they chose English with the switch in the footer;
 * the choice is kept in this browser (localStorage). Offering only the chosen language, as
 * the fallback too, also loads only that locale file (each sets moment.js's global locale).
 *
 * It also names the apps in the user's language where Camunda takes the name from config.js
 * (`app.name`, one language) or does not translate it (the header's app menu), and translates
 * the validation messages of Camunda Forms (form-js), which exist in English only; and brings in
 * the header link back to Cascade's dashboard (dashboard-link.js, also loaded by Cockpit).
 * In Tasklist it also adds the link to *Nhập văn bản* for those who may issue (intake-link.js).
 */
import './dashboard-link.js';
import './one-login.js';
import './tasklist-cleanup.js';
import './intake-link.js';

const STORAGE_KEY = 'cascade.language';
const LANGUAGES = [
  {code: 'vi', label: 'Tiếng Việt'},
  {code: 'en', label: 'English'}
];
const VENDOR = 'Cascade';
// <base app-name="tasklist"> in each app's index.html
const currentApp = (document.querySelector('base') || document.documentElement).getAttribute('app-name');
const APP_LABELS = {
  vi: {welcome: 'Trang chủ', tasklist: 'Nhiệm vụ', cockpit: 'Giám sát quy trình', admin: 'Quản trị'},
  en: {welcome: 'Welcome', tasklist: 'Tasklist', cockpit: 'Cockpit', admin: 'Admin'}
};

// form-js 1.x (Camunda Forms in Tasklist) validation messages, English only in its Validator.
const FORM_MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must match pattern [\s\S]*\.$/, () => 'Giá trị chưa đúng định dạng yêu cầu.'],
  [/^Field must have minimum length of (\d+)\.$/, m => `Cần nhập ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (\d+)\.$/, m => `Chỉ được nhập tối đa ${m[1]} ký tự.`],
  [/^Field must have minimum value of (.+)\.$/, m => `Giá trị nhỏ nhất là ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, m => `Giá trị lớn nhất là ${m[1]}.`],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number\./, () => 'Số điện thoại không hợp lệ (định dạng quốc tế, ví dụ +842513822505).'],
  [/^Value is not a number\.$/, () => 'Giá trị không phải là số.'],
  [/^Value is expected to be an integer\.$/, () => 'Giá trị phải là số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => `Chỉ được có tối đa ${m[1]} chữ số thập phân.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    m => `Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ${m[1]} và ${m[2]}.`],
  [/^Date and time must both be entered\.$/, () => 'Cần nhập cả ngày và giờ.']
];

function storedLanguage() {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.some(l => l.code === value) ? value : null;
  } catch (e) {
    return null; // storage disabled: Vietnamese
  }
}

const language = storedLanguage() || 'vi';

// config.js as Camunda loaded it, before it reads `locales` while starting.
const CONFIG = {tasklist: 'camTasklistConf', admin: 'camAdminConf', welcome: 'camWelcomeConf'}[currentApp];
const config = CONFIG && window[CONFIG];
if (config) {
  config.locales = {availableLocales: [language], fallbackLocale: language};
}
document.documentElement.lang = language;

function choose(code) {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch (e) {
    return;
  }
  window.location.reload();
}

function languageSwitch() {
  const box = document.createElement('span');
  box.className = 'cascade-language';
  LANGUAGES.forEach((l, i) => {
    if (i > 0) {
      box.appendChild(document.createTextNode(' | '));
    }
    if (l.code === language) {
      const current = document.createElement('strong');
      current.textContent = l.label;
      box.appendChild(current);
    } else {
      const link = document.createElement('a');
      link.href = '';
      link.lang = l.code;
      link.textContent = l.label;
      link.addEventListener('click', event => {
        event.preventDefault();
        choose(l.code);
      });
      box.appendChild(link);
    }
  });
  return box;
}

// The footer and the header are drawn by AngularJS after this script ran, and redrawn at will.
function decorate() {
  const timezone = document.getElementById('footer-timezone');
  const footerRight = timezone && timezone.nextElementSibling;
  if (footerRight && !footerRight.querySelector('.cascade-language')) {
    footerRight.insertBefore(languageSwitch(), footerRight.firstChild);
  }
  const labels = APP_LABELS[language];
  const name = labels[currentApp];
  if (name) {
    setText(document.querySelector('[cam-widget-header] .brand-name'), `${VENDOR} ${name}`);
    setText(document.querySelector('.form-signin .login-header .app-name'), name);
    if (document.title !== `${VENDOR} ${name}`) {
      document.title = `${VENDOR} ${name}`;
    }
  }
  document.querySelectorAll('.app-switch .dropdown-menu > li').forEach(item => {
    const app = Object.keys(labels).find(name => item.classList.contains(name));
    if (app) {
      setText(item.querySelector('a'), labels[app]);
    }
  });
  if (language === 'vi') {
    // In place (the text node's data), so that form-js (Preact) keeps updating the same node.
    document.querySelectorAll('.fjs-form-field-error li').forEach(item => {
      item.childNodes.forEach(node => {
        if (node.nodeType === Node.TEXT_NODE) {
          const rule = FORM_MESSAGES.find(([pattern]) => pattern.test(node.data.trim()));
          if (rule) {
            node.data = rule[1](node.data.trim().match(rule[0]));
          }
        }
      });
    });
  }
}

function setText(element, text) {
  if (element && element.textContent.trim() !== text) {
    element.textContent = text;
  }
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      decorate();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

// Not a plugin: nothing to register.
export default [];
