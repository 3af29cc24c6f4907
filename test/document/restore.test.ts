import { describe, expect, it } from 'vitest';
import { importScenario, importWorkflow, importWorkspace } from '../../src/document';
import { fixDocument, restoreDocument } from '../../src/document/restore';
import { defaultWorkspace } from '../../src/model';
import { deepFreeze, fixtureText } from './helpers';

const valid = () => JSON.parse(fixtureText('valid-workflow.json'));

/**
 * Imports a changed copy of the valid fixture with the repair asked for; the document must have the schema's shape.
 * Without the repair, the same text is refused: validation never fills or drops anything itself.
 */
function importChanged(change: (doc: any) => void) { // any: free-form edits of parsed JSON
  const doc = valid();
  change(doc);
  const text = JSON.stringify(doc);
  const r = importWorkflow(text, { workspace: defaultWorkspace(), fix: true });
  if (!r.document) throw new Error(JSON.stringify(r.problems, null, 2));
  const unfixed = importWorkflow(text, { workspace: defaultWorkspace() });
  if (r.changes.length > 0 && unfixed.ok) throw new Error('a document the repair changed passed validation without it');
  return r;
}

/** Imports text with the repair asked for. */
const importFixed = (text: string) => importWorkflow(text, { fix: true });

describe('fixDocument (the repair behind "Fix and import")', () => {
  it.each([
    ['the workflow description', (d: any) => (d.workflow.description = null), '/workflow/description'],
    ['the layout', (d: any) => (d.layout = null), '/layout'],
    ['the comments', (d: any) => (d.comments = null), '/comments'],
    ['the "from" status of a trigger', (d: any) => (d.workflow.enrollment.triggers[0].fromStatusId = null), '/workflow/enrollment/triggers/0/fromStatusId'],
    ['the edit time of a comment', (d: any) => (d.comments[0].messages[0].editedAt = null), '/comments/0/messages/0/editedAt'],
    [
      'the value of an "is known" condition',
      (d: any) => (d.workflow.enrollment.filters[0].conditions[1] = { property: 'owner', operator: 'isKnown', value: null }),
      '/workflow/enrollment/filters/0/conditions/1/value',
    ],
  ])('drops a null written for %s and says so', (_name, change, path) => {
    // The import succeeding shows the null is gone: the schema accepts no null there.
    const r = importChanged(change);
    expect(r.changes).toEqual([{ path, change: `Removed ${path}: it was null, which stands for "absent" here.` }]);
    expect(r.notes).toEqual([`Removed ${path}: it was null, which stands for "absent" here.`]);
  });

  it('keeps nulls where the format gives null a meaning', () => {
    const r = importChanged(() => undefined);
    expect(r.notes).toEqual([]);
    const remind = r.document!.workflow.actions.find((a) => a.id === 'remind');
    expect(remind).toMatchObject({ templateId: null });
  });

  it.each([
    ['the filters', (d: any) => delete d.workflow.enrollment.filters, '/workflow/enrollment/filters', []],
    ['re-enrollment', (d: any) => delete d.workflow.enrollment.reenroll, '/workflow/enrollment/reenroll', false],
    ['unenrollment', (d: any) => delete d.workflow.enrollment.unenroll, '/workflow/enrollment/unenroll', []],
    ['the "next" of an action', (d: any) => delete d.workflow.actions[9].next, '/workflow/actions/9/next', null],
    ['a custom email body', (d: any) => delete d.workflow.actions[5].body, '/workflow/actions/5/body', ''],
    ['the default label of a branch', (d: any) => delete d.workflow.actions[0].defaultLabel, '/workflow/actions/0/defaultLabel', 'Otherwise'],
    ['notifying the owner', (d: any) => delete d.workflow.actions[1].recipients.owner, '/workflow/actions/1/recipients/owner', false],
    ['whether a thread is resolved', (d: any) => delete d.comments[1].resolved, '/comments/1/resolved', false],
    ['the positions of a layout', (d: any) => (d.layout = {}), '/layout/positions', {}],
  ])('fills a missing %s with its default and says so', (_name, change, path, value) => {
    const r = importChanged(change);
    expect(r.changes).toEqual([{ path, change: `Added the missing ${path}: ${JSON.stringify(value)}.` }]);
  });

  it('gives a workflow without enrollment an empty one, and one without actions none', () => {
    const r = importChanged((d) => {
      delete d.workflow.enrollment;
      delete d.workflow.actions;
      delete d.workflow.startActionId;
      delete d.layout;
      delete d.comments;
    });
    expect(r.document!.workflow.enrollment).toEqual({ triggers: [], filters: [], reenroll: false, unenroll: [] });
    expect(r.document!.workflow.actions).toEqual([]);
    expect(r.document!.workflow.startActionId).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['TF318']);
  });

  it('fills only settings of the same variant: an "until" delay gets no duration', () => {
    const r = importFixed(
      JSON.stringify({
        format: 'ticketflow.workflow',
        schemaVersion: 2,
        workflow: {
          id: 'w',
          name: 'W',
          actions: [{ id: 'd', kind: 'delay', wait: { type: 'until', days: ['mon'], time: '09:00' } }],
          startActionId: 'd',
        },
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.document!.workflow.actions[0]).toEqual({ id: 'd', kind: 'delay', wait: { type: 'until', days: ['mon'], time: '09:00' }, next: null });
  });

  it('does not guess what it cannot know: a missing trigger setting without a neutral value stays missing', () => {
    const r = importFixed(
      JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 2, workflow: { id: 'w', name: 'W', enrollment: { triggers: [{ type: 'slaDuePassed' }] } } }),
    );
    expect(!r.ok && r.problems.map((p) => [p.code, p.path])).toEqual([['TF201', '/workflow/enrollment/triggers/0/target']]);
  });

  it('reports a trigger whose type is an object or an Object.prototype member name as a schema problem', () => {
    const withType = (type: unknown) =>
      importFixed(JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 2, workflow: { id: 'w', name: 'W', enrollment: { triggers: [{ type }] } } }));
    for (const type of [{ toString: 1 }, { valueOf: 'x', toString: null }, 'toString', 'constructor']) {
      const r = withType(type);
      expect(!r.ok && r.problems.map((p) => p.code)).toEqual([typeof type === 'string' ? 'TF205' : 'TF204']);
    }
  });

  it('never mutates its input, and returns it unchanged when there is nothing to restore', () => {
    const complete = deepFreeze(valid());
    expect(restoreDocument(complete, 'workflow')).toEqual({ doc: complete, changes: [] });
    expect(fixDocument(complete)).toEqual({ document: complete, changes: [] });
    expect(restoreDocument(complete, 'workflow').doc).toBe(complete);
    const partial = valid();
    delete partial.workflow.enrollment.reenroll;
    partial.workflow.description = null;
    deepFreeze(partial);
    const before = JSON.stringify(partial);
    const { doc } = restoreDocument(partial, 'workflow');
    expect(JSON.stringify(partial)).toBe(before);
    expect(doc).not.toBe(partial);
  });

  it('hands out its defaults as copies, so editing a restored document cannot change the next one', () => {
    const bare = JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 2, workflow: { id: 'w', name: 'W' } });
    const first = importFixed(bare);
    if (!first.ok) throw new Error('expected success');
    first.document!.workflow.enrollment.triggers.push({ type: 'ticketCreated' });
    const second = importFixed(bare);
    expect(second.document?.workflow.enrollment.triggers).toEqual([]);
  });

  it('fills workspace lists and settings from the default workspace, and gives users no access unless stated', () => {
    const ws = defaultWorkspace();
    const partial = {
      format: ws.format,
      schemaVersion: ws.schemaVersion,
      id: 'small',
      name: 'Small desk',
      pipelines: ws.pipelines,
      users: [{ id: 'u1', name: 'One', email: 'one@desk.test' }],
    };
    const r = importWorkspace(JSON.stringify(partial), { fix: true });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.document!.sla).toEqual(ws.sla);
    expect(r.document!.branding).toEqual({ footer: true, footerText: 'Sent with Ticketflow' });
    expect(r.document!.users[0]).toEqual({ id: 'u1', name: 'One', email: 'one@desk.test', helpDeskAccess: false, superAdmin: false });
    expect(r.notes).toContain('Added the missing /users/0/helpDeskAccess: false.');
    expect(r.notes).toContain('Added the missing /templates: [].');
  });

  it('gives a scenario without an initial state or events empty ones', () => {
    const r = importScenario(
      JSON.stringify({ format: 'ticketflow.scenario', schemaVersion: 1, id: 's', name: 'Empty', start: '2026-01-05T09:00:00Z', initial: {} }),
      { fix: true },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.document!.initial).toEqual({ contacts: [], conversations: [], tickets: [] });
    expect(r.document!.events).toEqual([]);
    expect(r.notes).toEqual([
      'Added the missing /initial/contacts: [].',
      'Added the missing /initial/conversations: [].',
      'Added the missing /initial/tickets: [].',
      'Added the missing /events: [].',
    ]);
  });

  it('is never part of validation: the same incomplete file is refused without it, with the missing properties named', () => {
    const text = JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 3, workflow: { id: 'w', name: 'W' } });
    const r = importWorkflow(text);
    expect(r.ok).toBe(false);
    expect(r.document).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ['TF201', '/workflow/enrollment'],
      ['TF201', '/workflow/actions'],
      ['TF201', '/workflow/startActionId'],
    ]);
    expect(importFixed(text).changes.map((c) => c.path)).toEqual(['/workflow/enrollment', '/workflow/actions', '/workflow/startActionId']);
  });

  it('migrates an older document first, listing the migration among its changes', () => {
    const v1 = { format: 'ticketflow.workflow', schemaVersion: 1, workflow: { id: 'w', name: 'W', enabled: false, trigger: null, actions: {} } };
    const { document, changes } = fixDocument(v1);
    expect((document as { schemaVersion: number }).schemaVersion).toBe(3);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.at(-1)).toEqual({ path: '/workflow/startActionId', change: 'Added the missing /workflow/startActionId: null.' });
  });

  it('leaves a value that is not a document of the kind as it is, for the import to refuse', () => {
    for (const value of [null, [], 'text', { format: 'other' }, { format: 'ticketflow.workflow', schemaVersion: 99 }]) {
      expect(fixDocument(value)).toEqual({ document: value, changes: [] });
    }
  });
});
