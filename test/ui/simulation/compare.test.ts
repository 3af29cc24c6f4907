import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine';
import { compareResults } from '../../../src/ui/simulation/compare';
import { withVersion } from '../../../src/ui/simulation/CompareView';
import { example, workflows, workspace } from './fixtures';

const scenario = example('email-ticket-life.json');

describe('compareResults', () => {
  it('finds no difference between two runs of the same inputs', () => {
    const a = simulate({ workspace, workflows, scenario });
    const b = simulate({ workspace, workflows, scenario });
    expect(compareResults(a, b).same).toBe(true);
  });

  it('lists the emails only one version sends, and the final statuses that differ', () => {
    const base = simulate({ workspace, workflows, scenario });
    const withoutClosedEmail = workflows.filter((w) => w.id !== 'wf-ticket-closed-email');
    const other = simulate({ workspace, workflows: withoutClosedEmail, scenario });
    const diff = compareResults(base, other);
    expect(diff.same).toBe(false);
    expect(diff.emails.onlyOther).toEqual([]);
    expect(diff.emails.onlyBase.length).toBeGreaterThan(0);
    expect(diff.emails.onlyBase.every((e) => e.template === 'tpl-closed')).toBe(true);
  });

  it('counts repeated identical emails as many times as they are sent', () => {
    const base = simulate({ workspace, workflows, scenario });
    const doubled = { ...base, outbox: [...base.outbox, base.outbox[0]!] };
    expect(compareResults(base, doubled).emails.onlyOther).toEqual([base.outbox[0]]);
  });

  it('reports a ticket missing from one run as a status difference', () => {
    const base = simulate({ workspace, workflows, scenario });
    const fewer = { ...base, tickets: [] };
    expect(compareResults(base, fewer).statuses).toEqual(base.tickets.map((t) => ({ ticket: t.id, subject: t.subject, base: t.statusLabel, other: null })));
  });
});

describe('withVersion', () => {
  it('puts the other version in the place of the workflow compared', () => {
    const version = { ...workflows[1]!, name: 'Older' };
    const out = withVersion(workflows, workflows[1]!.id, version);
    expect(out.map((w) => w.id)).toEqual(workflows.map((w) => w.id));
    expect(out[1]!.name).toBe('Older');
  });

  it('replaces the compared workflow even when the version has another id', () => {
    const version = { ...workflows[0]!, id: 'wf-imported' };
    const out = withVersion(workflows, workflows[2]!.id, version);
    expect(out.map((w) => w.id)).not.toContain(workflows[2]!.id);
    expect(out[2]!.id).toBe('wf-imported');
  });

  it('adds the version when no workflow is open', () => {
    const version = { ...workflows[0]!, id: 'wf-new' };
    expect(withVersion(workflows, null, version).map((w) => w.id)).toEqual([...workflows.map((w) => w.id), 'wf-new']);
  });
});
