import type { Messages } from './core';

/** Texts of the problems panel, and of the notice when a workflow cannot be checked yet (English; the other languages are in ./es, ./it and ./fr, loaded with their language). */
export const PROBLEMS_MESSAGES: Messages = {
  'problems.title': 'Problems',
  'problems.none': 'No problems found.',
  'problems.checking': 'Checking for problems…',
  'notice.enableChecking': 'The workflow is still being checked for problems; turn it on again in a moment.',
  'problems.more': '…and {count} more, not listed. Fix the ones above first, or look through the JSON view.',
  'problems.count.errors.one': '{count} error',
  'problems.count.errors.other': '{count} errors',
  'problems.count.warnings.one': '{count} warning',
  'problems.count.warnings.other': '{count} warnings',
  'problems.group.error.one': 'Error ({count})',
  'problems.group.error.other': 'Errors ({count})',
  'problems.group.warning.one': 'Warning ({count})',
  'problems.group.warning.other': 'Warnings ({count})',
  'problems.where.action': 'Action {id}',
  'problems.where.enrollment': 'Enrollment',
  'problems.where.workflow': 'Workflow',
};
