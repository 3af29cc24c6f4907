import { describe, expect, it } from 'vitest';
import type { ActionKind } from '../../src/actions';
import { newActionId } from '../../src/graph/ids';
import { act, path, refused, workflow } from './helpers';

describe('newActionId', () => {
  const cases: [string, string[], ActionKind, string][] = [
    ['starts at 1 in an empty workflow', [], 'sendEmail', 'sendEmail-1'],
    ['goes one above the highest number in use for the kind', ['delay-1', 'delay-7', 'delay-3'], 'delay', 'delay-8'],
    ['ignores the ids of other kinds', ['notify-4'], 'webhook', 'webhook-1'],
    ['ignores ids that only start like the kind', ['delay-2x', 'delay-', 'delayed-9'], 'delay', 'delay-1'],
    ['reads numbers written with leading zeros', ['goto-009'], 'goto', 'goto-10'],
  ];
  it.each(cases)('%s', (_what, existing, kind, expected) => {
    expect(newActionId(path(...existing), kind)).toBe(expected);
  });

  it('never returns an id in use', () => {
    const wf = workflow('branch-2', [act('branch', 'branch-2'), act('branch', 'branch-10')]);
    expect(wf.actions.map((a) => a.id)).not.toContain(newActionId(wf, 'branch'));
  });

  it('refuses a kind that does not exist', () => {
    refused(() => newActionId(path(), 'teleport' as ActionKind), 'UNKNOWN_KIND');
  });
});
