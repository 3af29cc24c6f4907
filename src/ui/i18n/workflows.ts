import type { Messages } from './core';

/** Texts of the workflow list (English; the other languages are in ./es, ./it and ./fr, loaded with their language). */
export const WORKFLOWS_MESSAGES: Messages = {
  'workflows.title': 'Workflows',
  'workflows.new': 'New workflow',
  'workflows.empty': 'No workflows yet. Create one to start automating tickets.',
  'workflows.search.label': 'Search workflows',
  'workflows.search.placeholder': 'Name or id',
  'workflows.search.none': 'No workflow matches “{query}”.',
  'workflows.search.count': '{shown} of {count} workflows',
  'workflows.errors.one': '{count} error',
  'workflows.errors.other': '{count} errors',
  'workflows.enabled': 'Turn on "{name}"',
  'workflows.on': 'On',
  'workflows.off': 'Off',
  'workflows.blocked.one': 'Fix its error to turn it on.',
  'workflows.blocked.other': 'Fix its {count} errors to turn it on.',
  'workflows.rename': 'Rename "{name}"',
  'workflows.rename.label': 'New name for "{name}"',
  'workflows.rename.empty': 'A workflow needs a name.',
  'workflows.duplicate': 'Duplicate "{name}"',
  'workflows.delete': 'Delete "{name}"',
  'workflows.confirm.title': 'Delete workflow',
  'workflows.confirm.text': 'Delete the workflow "{name}"? Tickets enrolled in it leave it.',
  'workflows.confirm.delete': 'Delete',
  'workflows.confirm.keep': 'Keep it',
};
