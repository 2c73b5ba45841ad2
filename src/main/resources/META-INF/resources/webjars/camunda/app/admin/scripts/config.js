/*
 * Cascade's Admin: Vietnamese by default, English on request; dates dd/MM/yyyy; our name and
 * look. Replaces the config.js of camunda-webapp-webjar (same path, our jar comes first).
 * Keys: https://docs.camunda.org/manual/7.24/webapps/admin/configuration/
 */
export default {
  app: {
    name: 'Quản trị',
    vendor: 'Cascade'
  },

  // vi.json is ours (locales/vi.json beside this folder), en.json is Camunda's.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  },

  dateFormat: {
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },

  // The user's choice of language wins over the browser's; see assets/cascade/language.js.
  customScripts: ['../../assets/cascade/language'],

  // The first-visit box links to Camunda's English welcome page.
  disableWelcomeMessage: true
};
