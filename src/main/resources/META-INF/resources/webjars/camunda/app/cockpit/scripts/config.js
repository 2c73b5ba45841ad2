/*
 * Cockpit stays in English (it is for the administrators who run the engine), but carries
 * Cascade's name, look and dates. Replaces the config.js of camunda-webapp-webjar (same path,
 * our jar comes first).
 * Keys: https://docs.camunda.org/manual/7.24/webapps/cockpit/extend/configuration/
 */
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Cascade'
  },

  dateFormat: {
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd, DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },

  // Only the header link back to Cascade's dashboard (Cockpit is not translated). Path relative
  // to app/cockpit/.
  customScripts: ['../../assets/cascade/dashboard-link', '../../assets/cascade/one-login'],

  // The first-visit box links to Camunda's welcome page.
  disableWelcomeMessage: true
};
