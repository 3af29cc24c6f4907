import { describe, expect, it } from 'vitest';
import { AUTOMATE_ROUTE, parseSettingsRoute, SETTINGS_PAGES, settingsRoute } from '../../src/settings/route';

describe('settingsRoute', () => {
  it('links to the pipelines page by default and to any other page by name', () => {
    expect(settingsRoute()).toBe('#/settings');
    expect(settingsRoute('templates')).toBe('#/settings/templates');
  });

  it('round-trips every page through parseSettingsRoute', () => {
    for (const page of SETTINGS_PAGES) expect(parseSettingsRoute(settingsRoute(page))).toEqual({ kind: 'settings', page });
  });
});

describe('parseSettingsRoute', () => {
  it('is null for hashes about something else', () => {
    expect(parseSettingsRoute('#/review/wf-1')).toBeNull();
    expect(parseSettingsRoute('#/settingsx')).toBeNull();
    expect(parseSettingsRoute('')).toBeNull();
  });

  it('accepts a trailing slash', () => {
    expect(parseSettingsRoute('#/settings/users/')).toEqual({ kind: 'settings', page: 'users' });
  });

  it('names the pages there are when the link names another', () => {
    expect(parseSettingsRoute('#/settings/billing')).toEqual({
      kind: 'invalid',
      message: 'The settings have no page "billing"; they have pipelines, users, teams, channels, templates, sla, branding.',
    });
  });

  it('opens the pipelines page on its Automate tab from the Automate link', () => {
    expect(parseSettingsRoute(AUTOMATE_ROUTE)).toEqual({ kind: 'settings', page: 'pipelines', tab: 'automate' });
    expect(parseSettingsRoute(`${AUTOMATE_ROUTE}/`)).toEqual({ kind: 'settings', page: 'pipelines', tab: 'automate' });
    expect(parseSettingsRoute('#/settings/pipelines')).toEqual({ kind: 'settings', page: 'pipelines' });
  });
});
