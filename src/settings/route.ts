/** The pages of the help-desk settings, in menu order. */
export const SETTINGS_PAGES = ['pipelines', 'users', 'teams', 'channels', 'templates', 'sla', 'branding'] as const;
/** One page of the help-desk settings. */
export type SettingsPageId = (typeof SETTINGS_PAGES)[number];

/** The hash prefix of the help-desk settings: `#/settings` (pipelines) or `#/settings/<page>`. */
export const SETTINGS_ROUTE_PREFIX = '#/settings';

/** The hash that opens the settings on a page. */
export function settingsRoute(page: SettingsPageId = 'pipelines'): string {
  return page === 'pipelines' ? SETTINGS_ROUTE_PREFIX : `${SETTINGS_ROUTE_PREFIX}/${page}`;
}

/** The hash that opens the settings on the pipelines page's Automate tab. */
export const AUTOMATE_ROUTE = `${SETTINGS_ROUTE_PREFIX}/pipelines/automate`;

/**
 * Reads a location hash: the settings page it opens, an unusable settings link (with the reason),
 * or null when it is not about the settings.
 */
export function parseSettingsRoute(
  hash: string,
): { kind: 'settings'; page: SettingsPageId; tab?: 'automate' } | { kind: 'invalid'; message: string } | null {
  if (hash !== SETTINGS_ROUTE_PREFIX && !hash.startsWith(`${SETTINGS_ROUTE_PREFIX}/`)) return null;
  if (hash.replace(/\/+$/, '') === AUTOMATE_ROUTE) return { kind: 'settings', page: 'pipelines', tab: 'automate' };
  const page = hash.slice(SETTINGS_ROUTE_PREFIX.length).replace(/^\/+|\/+$/g, '') || 'pipelines';
  if (!(SETTINGS_PAGES as readonly string[]).includes(page)) {
    return { kind: 'invalid', message: `The settings have no page "${page}"; they have ${SETTINGS_PAGES.join(', ')}.` };
  }
  return { kind: 'settings', page: page as SettingsPageId };
}
