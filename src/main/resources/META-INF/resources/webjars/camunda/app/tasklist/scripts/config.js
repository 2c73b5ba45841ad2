/*
 * Cascade's Tasklist: Vietnamese by default, English on request; dates dd/MM/yyyy; our name
 * and look. Replaces the config.js of camunda-webapp-webjar (same path, our jar comes first).
 * Keys: https://docs.camunda.org/manual/7.24/webapps/tasklist/configuration/
 */
export default {
  app: {
    name: 'Nhiệm vụ',
    vendor: 'Cascade'
  },

  // vi.json is ours (locales/vi.json beside this folder), en.json is Camunda's.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },

  // moment.js formats. Tasklist also uses 'day' and 'monthName' (kept at their defaults).
  dateFormat: {
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },

  // Makes the user's choice of language (switch in the footer, default Vietnamese) win over
  // the browser's language, and labels the app menu. Path relative to app/tasklist/.
  customScripts: ['../../assets/cascade/language'],

  // The first-visit box links to Camunda's English welcome page.
  disableWelcomeMessage: true,

  // Replacing Camunda's config.js drops its shortcuts: they are repeated here, described in Vietnamese.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận xử lý nhiệm vụ đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển đến bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển đến nhiệm vụ đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển đến ô nhập liệu đầu tiên của biểu mẫu nhiệm vụ'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại khởi tạo quy trình'
    }
  }
};
