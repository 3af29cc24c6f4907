import { describe, expect, it } from 'vitest';
import { DISABLED_NOTE, ENABLED_NOTE, FORMATS, importWorkflow, supportedVersions, type FormatInfo } from '../../src/document';
import { migrateDocument } from '../../src/document/migrations';
import { defaultWorkspace, WORKFLOW_SCHEMA_VERSION } from '../../src/model';
import { deepFreeze, fixtureText } from './helpers';

const v1Text = fixtureText('v1-closed-follow-up.json');
const reopenedFilter = [{ conditions: [{ property: 'reopened', operator: 'is', value: true }] }];

describe('the workflow migration from schemaVersion 1 to 2', () => {
  it('turns the v1 fixture into the v2 shape (and on into v3, without "enabled")', () => {
    const { doc } = migrateDocument(JSON.parse(v1Text), FORMATS.workflow);
    expect(doc).toEqual({
      format: 'ticketflow.workflow',
      schemaVersion: 3,
      workflow: {
        id: 'closed-follow-up',
        name: 'Follow up on closed tickets',
        enrollment: {
          triggers: [{ type: 'statusChanged', toStatusId: 'closed' }],
          filters: [{ conditions: [{ property: 'source', operator: 'isNoneOf', value: ['chat', 'messenger'] }] }],
          reenroll: false,
          unenroll: [],
        },
        startActionId: 'send-closed',
        actions: [
          { id: 'send-closed', kind: 'sendEmail', templateId: 'tpl-closed', subject: '', body: '', next: 'wait' },
          { id: 'wait', kind: 'delay', wait: { type: 'duration', duration: { amount: 2, unit: 'days' } }, next: 'reopened' },
          {
            id: 'reopened',
            kind: 'branch',
            paths: [{ id: 'was-reopened', label: 'Reopened', filters: reopenedFilter, next: 'tell-team' }],
            defaultLabel: 'Still closed',
            defaultNext: null,
          },
          {
            id: 'tell-team',
            kind: 'notify',
            recipients: { userIds: [], teamIds: ['t-tier1'], owner: true },
            subject: 'Reopened: {{ticket.subject}}',
            body: 'The contact reopened ticket {{ticket.id}}.',
            next: 'assign',
          },
          { id: 'assign', kind: 'setProperty', change: { property: 'owner', ownerId: 'u-marco' }, next: 'back-to-wait' },
          { id: 'back-to-wait', kind: 'goto', target: 'wait' },
        ],
      },
      layout: { positions: { trigger: { x: 0, y: 0 }, 'send-closed': { x: 0, y: 150 }, wait: { x: 0, y: 300 } } },
    });
  });

  it('imports the v1 fixture as a valid current document and says what it migrated', () => {
    const r = importWorkflow(v1Text, { workspace: defaultWorkspace() });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.migratedFrom).toBe(1);
    expect(r.document!.schemaVersion).toBe(WORKFLOW_SCHEMA_VERSION);
    expect(r.problems).toEqual([]);
    expect(r.notes[0]).toMatch(/^Migrated from schemaVersion 1 to 2: Enrollment became one object/);
    expect(r.notes).toEqual(
      expect.arrayContaining([
        "Renamed the trigger's statusId to toStatusId.",
        'Turned the 6 actions keyed by id into the list /workflow/actions.',
        '/workflow/actions/1 ("wait"): the delay of 2880 minutes became 2 days.',
        '/workflow/actions/2 ("reopened"): renamed branches to paths and otherwise to default.',
        '/workflow/actions/3 ("tell-team"): gathered userIds, teamIds and notifyOwner into recipients.',
        '/workflow/actions/4 ("assign"): turned property and value into change.ownerId.',
        '/workflow/actions/5 ("back-to-wait"): renamed targetId to target.',
        'Moved the canvas positions under /layout/positions.',
      ]),
    );
  });

  it('never mutates the document it migrates', () => {
    const input = deepFreeze(JSON.parse(v1Text));
    const before = JSON.stringify(input);
    expect(() => migrateDocument(input, FORMATS.workflow)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
  });

  it.each([
    [60, { amount: 1, unit: 'hours' }],
    [90, { amount: 90, unit: 'minutes' }],
    [1440, { amount: 1, unit: 'days' }],
    [20160, { amount: 2, unit: 'weeks' }],
    [0, { amount: 0, unit: 'minutes' }],
  ])('writes a v1 delay of %i minutes in the largest exact unit', (minutes, duration) => {
    const v1 = { format: 'ticketflow.workflow', schemaVersion: 1, workflow: { actions: { d: { type: 'delay', minutes, nextId: null } } } };
    const { doc } = migrateDocument(v1, FORMATS.workflow);
    expect((doc.workflow as { actions: unknown[] }).actions[0]).toEqual({ id: 'd', kind: 'delay', wait: { type: 'duration', duration }, next: null });
  });

  it('gives a v1 workflow without a trigger no triggers, and a priority change its own field', () => {
    const v1 = {
      format: 'ticketflow.workflow',
      schemaVersion: 1,
      workflow: { trigger: null, actions: { p: { type: 'setProperty', property: 'priority', value: 'high', nextId: null } } },
    };
    const { doc, notes } = migrateDocument(v1, FORMATS.workflow);
    const wf = doc.workflow as { enrollment: unknown; actions: unknown[]; startActionId?: unknown };
    expect(wf.enrollment).toEqual({ triggers: [], unenroll: [] });
    expect(wf).not.toHaveProperty('startActionId');
    expect(wf.actions[0]).toEqual({ id: 'p', kind: 'setProperty', change: { property: 'priority', priority: 'high' }, next: null });
    expect(notes).toContain('The workflow had no trigger: /workflow/enrollment/triggers is empty.');
  });

  it('leaves what a v1 file lacked for restore to fill, and reports it', () => {
    const v1 = { format: 'ticketflow.workflow', schemaVersion: 1, workflow: { id: 'w', name: 'W', enabled: false, trigger: null, actions: {} } };
    const r = importWorkflow(JSON.stringify(v1));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.document!.workflow).toEqual({
      id: 'w',
      name: 'W',
      enrollment: { triggers: [], filters: [], reenroll: false, unenroll: [] },
      actions: [],
      startActionId: null,
    });
    expect(r.notes.slice(-3)).toEqual([
      'Added the missing /workflow/enrollment/filters: [].',
      'Added the missing /workflow/enrollment/reenroll: false.',
      'Added the missing /workflow/startActionId: null.',
    ]);
  });

  it('leaves what it does not recognise for validation to report, with v2 pointers', () => {
    const v1 = JSON.parse(v1Text);
    v1.workflow.actions.wait = { type: 'pause', seconds: 5, nextId: null };
    const r = importWorkflow(JSON.stringify(v1));
    expect(!r.ok && r.problems.map((p) => [p.code, p.path, p.actionId])).toEqual([['TF205', '/workflow/actions/1', 'wait']]);
  });

  it('reports a v1 property change whose property is not a string as a schema problem, not a bug', () => {
    const v1 = JSON.parse(v1Text);
    v1.workflow.actions.odd = { type: 'setProperty', property: { toString: 1 }, value: 'high', nextId: null };
    const r = importWorkflow(JSON.stringify(v1));
    const index = Object.keys(v1.workflow.actions).indexOf('odd');
    expect(!r.ok && r.problems.map((p) => [p.code, p.path])).toEqual([['TF204', `/workflow/actions/${index}/change`]]);
  });

  it('returns a current document as it is, with no notes', () => {
    const doc = { format: 'ticketflow.workflow', schemaVersion: 3, workflow: {} };
    const out = migrateDocument(doc, FORMATS.workflow);
    expect(out).toEqual({ doc, notes: [], from: 3 });
    expect(out.doc).toBe(doc);
  });
});

describe('the workflow migration from schemaVersion 2 to 3 (versions)', () => {
  const v2Text = fixtureText('v2-enabled-workflow.json');

  it('drops "enabled" and keeps everything else as it was', () => {
    const v2 = JSON.parse(v2Text);
    const { doc, notes } = migrateDocument(deepFreeze(JSON.parse(v2Text)), FORMATS.workflow);
    const { enabled: _on, ...workflow } = v2.workflow;
    expect(doc).toEqual({ ...v2, schemaVersion: 3, workflow });
    expect(notes).toEqual([expect.stringMatching(/^Migrated from schemaVersion 2 to 3: /), ENABLED_NOTE]);
  });

  it('imports an old file that was on as it did before, saying to publish it to turn it on', () => {
    const r = importWorkflow(v2Text, { workspace: defaultWorkspace() });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.migratedFrom).toBe(2);
    expect(r.problems).toEqual([]);
    expect(r.document!.workflow).not.toHaveProperty('enabled');
    expect(r.document!.workflow).toEqual(importWorkflow(fixtureText('valid-workflow.json')).document!.workflow);
    expect(r.notes).toContain(ENABLED_NOTE);
    expect(ENABLED_NOTE).toMatch(/publish it to turn it on/);
  });

  it('says an old file that was off was off', () => {
    const off = JSON.parse(v2Text);
    off.workflow.enabled = false;
    const r = importWorkflow(JSON.stringify(off));
    expect(r.ok && r.notes).toContain(DISABLED_NOTE);
  });

  it('refuses "enabled" in a current file: the format no longer has it', () => {
    const current = JSON.parse(fixtureText('valid-workflow.json'));
    current.workflow.enabled = true;
    const r = importWorkflow(JSON.stringify(current));
    expect(!r.ok && r.problems.map((p) => [p.code, p.path])).toEqual([['TF202', '/workflow/enabled']]);
  });

  it('accepts the revision a current file says it is', () => {
    const current = JSON.parse(fixtureText('valid-workflow.json'));
    current.revision = { number: 12, published: true };
    const r = importWorkflow(JSON.stringify(current));
    expect(r.ok && r.document!.revision).toEqual({ number: 12, published: true });
  });
});

describe('the migrations registry', () => {
  it.each(Object.entries(FORMATS))('steps %s one version at a time up to the current version', (_kind, info: FormatInfo) => {
    info.migrations.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      expect(m.from).toBe(i + 1);
      expect(m.summary.length).toBeGreaterThan(20);
    });
    expect(supportedVersions(info)).toEqual(Array.from({ length: info.current }, (_, i) => i + 1));
  });

  it('reports a migration that throws as a Ticketflow bug, not a problem of the file', () => {
    const saved = FORMATS.workflow;
    FORMATS.workflow = {
      ...saved,
      migrations: [{ from: 1, to: 2, summary: 'a broken step', migrate: () => { throw new Error('step exploded'); } }],
    };
    try {
      const r = importWorkflow(v1Text);
      expect(r).toMatchObject({
        ok: false,
        problems: [
          {
            code: 'TF901',
            severity: 'error',
            path: '',
            message:
              'Ticketflow failed while migrating the document to the current version: step exploded. This is a bug in Ticketflow, not in the file.',
          },
        ],
      });
    } finally {
      FORMATS.workflow = saved;
    }
  });
});
