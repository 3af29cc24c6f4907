import { registerArea, type Messages } from './core';

/** Texts of the app frame: panel failures and what keeps work safe (English; the others in ./es, ./it, ./fr). */
export const APP_MESSAGES: Messages = {
  'app.panelFailed': 'The {name} panel stopped because of an error.',
  'app.panelFailed.kept': 'Your work is kept; the rest of the app goes on working.',
  'app.panelFailed.retry': 'Try again',
  'app.panel.header': 'header',
  'app.panel.left': 'actions and workflows',
  'app.panel.canvas': 'canvas',
  'app.panel.settings': 'settings',
  'app.panel.preview': 'preview',
  'app.workspaceConflict': 'The help-desk settings were changed in another tab while you were editing them here. Nothing was overwritten.',
  'app.workspaceConflict.reload': "Load the other tab's settings",
  'app.workspaceConflict.keep': 'Keep mine (replace theirs)',
};

registerArea('app', APP_MESSAGES);
