import { describe, expect, it } from 'vitest';
import { englishT } from '../../src/actions/messages';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Workflow } from '../../src/model';
import { reviewTargets } from '../../src/review/targets';

const byId = (id: string): Workflow => EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === id)!.document.workflow;

describe('reviewTargets', () => {
  it('lists the trigger, then the actions in reading order with their summaries', () => {
    const targets = reviewTargets(byId('wf-chat-ticket-acknowledge'), defaultWorkspace(), englishT);
    expect(targets).toEqual([
      { id: 'trigger', label: 'review.trigger' },
      { id: 'email-chat-received', label: 'Send email: Ticket received' },
      { id: 'notify-chat-tier1', label: 'Notify Tier 1' },
    ]);
  });

  it('follows branch paths depth first and puts unreachable actions last', () => {
    const wf = byId('wf-urgent-escalation');
    const orphan = { id: 'orphan', kind: 'setStatus', statusId: 'closed', next: null } as const;
    const ids = reviewTargets({ ...wf, actions: [orphan, ...wf.actions] }, defaultWorkspace(), englishT).map((x) => x.id);
    expect(ids).toEqual(['trigger', 'branch-priority', 'notify-leads', 'wait-one-day', 'branch-still-open', 'notify-owner-follow-up', 'orphan']);
  });
});
