import type { Messages } from '../core';

/** The texts of the app frame in French (the English texts: ../app.ts). */
export const MESSAGES: Messages = {
  'app.panelFailed': 'Le panneau {name} s’est arrêté à cause d’une erreur.',
  'app.panelFailed.kept': 'Votre travail est conservé ; le reste de l’application continue de fonctionner.',
  'app.panelFailed.retry': 'Réessayer',
  'app.panel.header': 'd’en-tête',
  'app.panel.left': 'des actions et des workflows',
  'app.panel.canvas': 'du canevas',
  'app.panel.settings': 'des réglages',
  'app.panel.preview': 'd’aperçu',
  'app.workspaceConflict': 'Les réglages du service d’assistance ont été modifiés dans un autre onglet pendant que vous les modifiiez ici. Rien n’a été écrasé.',
  'app.workspaceConflict.reload': 'Charger les réglages de l’autre onglet',
  'app.workspaceConflict.keep': 'Garder les miens (remplacer les autres)',
};
