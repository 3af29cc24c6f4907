import type { Messages } from '../core';

/** The texts of the problems panel in French (the English texts: ../problems.ts). */
export const MESSAGES: Messages = {
  'problems.title': 'Problèmes',
  'problems.none': 'Aucun problème trouvé.',
  'problems.checking': 'Recherche de problèmes…',
  'notice.enableChecking': 'Le workflow est encore en cours de vérification ; réessayez de l’activer dans un instant.',
  'problems.more': '…et {count} de plus, non listés. Corrigez d’abord ceux ci-dessus, ou parcourez la vue JSON.',
  'problems.count.errors.one': '{count} erreur',
  'problems.count.errors.other': '{count} erreurs',
  'problems.count.warnings.one': '{count} avertissement',
  'problems.count.warnings.other': '{count} avertissements',
  'problems.group.error.one': 'Erreur ({count})',
  'problems.group.error.other': 'Erreurs ({count})',
  'problems.group.warning.one': 'Avertissement ({count})',
  'problems.group.warning.other': 'Avertissements ({count})',
  'problems.where.action': 'Action {id}',
  'problems.where.enrollment': 'Inscription',
  'problems.where.workflow': 'Workflow',
};
