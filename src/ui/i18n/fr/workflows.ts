import type { Messages } from '../core';

/** The texts of the workflow list in French (the English texts: ../workflows.ts). */
export const MESSAGES: Messages = {
  'workflows.title': 'Workflows',
  'workflows.new': 'Nouveau workflow',
  'workflows.empty': 'Aucun workflow pour l’instant. Créez-en un pour automatiser vos tickets.',
  'workflows.search.label': 'Rechercher des workflows',
  'workflows.search.placeholder': 'Nom ou identifiant',
  'workflows.search.none': 'Aucun workflow ne correspond à « {query} ».',
  'workflows.search.count': '{shown} sur {count} workflows',
  'workflows.errors.one': '{count} erreur',
  'workflows.errors.other': '{count} erreurs',
  'workflows.enabled': 'Activer « {name} »',
  'workflows.on': 'Activé',
  'workflows.off': 'Désactivé',
  'workflows.blocked.one': 'Corrigez son erreur pour l’activer.',
  'workflows.blocked.other': 'Corrigez ses {count} erreurs pour l’activer.',
  'workflows.rename': 'Renommer « {name} »',
  'workflows.rename.label': 'Nouveau nom pour « {name} »',
  'workflows.rename.empty': 'Un workflow doit avoir un nom.',
  'workflows.duplicate': 'Dupliquer « {name} »',
  'workflows.delete': 'Supprimer « {name} »',
  'workflows.confirm.title': 'Supprimer le workflow',
  'workflows.confirm.text': 'Supprimer le workflow « {name} » ? Les tickets inscrits en sortent.',
  'workflows.confirm.delete': 'Supprimer',
  'workflows.confirm.keep': 'Le garder',
};
