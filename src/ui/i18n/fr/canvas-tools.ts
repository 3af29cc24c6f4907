import type { Messages } from '../core';

/** The texts of the canvas's tools (the English texts: ../canvas-tools.ts). */
export const MESSAGES: Messages = {
  'canvasTools.map.hide': "Masquer la carte d'ensemble",
  'canvasTools.map.show': "Afficher la carte d'ensemble",
  'canvasTools.find.label': 'Rechercher des bulles',
  'canvasTools.find.placeholder': 'Rechercher par texte, type ou id',
  'canvasTools.find.count': '{at} sur {count}',
  'canvasTools.find.none': 'Aucune bulle ne correspond',
  'canvasTools.find.previous': 'Résultat précédent (Maj+Entrée)',
  'canvasTools.find.next': 'Résultat suivant (Entrée)',
  'canvasTools.find.close': 'Fermer la recherche (Échap)',
  'canvasTools.selection.label': '{count} bulles choisies',
  'canvasTools.selection.count': '{count} bulles choisies',
  'canvasTools.selection.delete': 'Supprimer',
  'canvasTools.selection.copy': 'Copier',
  'canvasTools.selection.move': 'Déplacer',
  'canvasTools.selection.clear': 'Annuler la sélection',
  'canvasTools.selection.copied': '{count} actions copiées en JSON de workflow.',
  'canvasTools.selection.moveHint': 'Choisissez un + pour y déplacer les {count} bulles, l’une après l’autre. Échap annule.',
  'canvasTools.connect.handle': 'Glissez sur une autre bulle pour y aller (un aller à)',
  'canvasTools.connect.nowhere': 'Déposez la connexion sur une bulle pour créer un « aller à » vers elle.',
};
