/*
 * Cascade: a link back to Cascade's dashboard (/dashboard) in the header of the Camunda webapps,
 * beside the user menu, once logged in.
 *
 * Imported by assets/cascade/language.js (Tasklist, Admin, Welcome) and loaded by `customScripts`
 * in app/cockpit/scripts/config.js (Cockpit, which stays in English otherwise). Labelled in the
 * language chosen with the footer switch (language.js, kept in localStorage): "Bảng theo dõi" or
 * "Dashboard" — in Cockpit "Cascade dashboard", since Cockpit has a "Dashboard" of its own.
 */
import {app, cascadePath, keepHeaderLink, vietnamese} from './header-link.js';

keepHeaderLink({
  className: 'cascade-dashboard',
  icon: 'glyphicon-stats',
  href: cascadePath('/dashboard'),
  label: vietnamese() ? 'Bảng theo dõi' : (app === 'cockpit' ? 'Cascade dashboard' : 'Dashboard'),
  title: vietnamese() ? 'Bảng theo dõi việc thực hiện chỉ đạo' : 'Cascade: who has reported, who is late',
});

// Not a plugin: nothing to register.
export default [];
