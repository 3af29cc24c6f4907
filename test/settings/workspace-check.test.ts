import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../src/model';
import { workspaceIssues } from '../../src/settings/workspace-check';

describe('workspaceIssues', () => {
  it('finds nothing wrong with the default workspace', () => {
    expect(workspaceIssues(defaultWorkspace())).toEqual([]);
  });

  it('reports a repeated user id at the second one', () => {
    const ws = defaultWorkspace();
    ws.users.push({ ...ws.users[0]!, name: 'Twin' });
    expect(workspaceIssues(ws)).toEqual([expect.objectContaining({ code: 'duplicate-id', pointer: '/users/4/id', params: { id: 'u-ana' } })]);
  });

  it('reports a built-in status update whose status the pipeline does not have', () => {
    const ws = defaultWorkspace();
    ws.pipelines[0]!.automation.onEmailSent.statusId = 'gone';
    expect(workspaceIssues(ws).map((i) => [i.code, i.pointer])).toEqual([['unknown-status', '/pipelines/0/automation/onEmailSent/statusId']]);
  });

  it('reports a team member who is not a user', () => {
    const ws = defaultWorkspace();
    ws.teams[0]!.memberIds.push('u-ghost');
    expect(workspaceIssues(ws).map((i) => i.message)).toEqual(['Team "Tier 1" lists user "u-ghost", who does not exist.']);
  });

  it('reports a channel routed to a missing pipeline', () => {
    const ws = defaultWorkspace();
    ws.channels[1]!.pipelineId = 'billing';
    expect(workspaceIssues(ws).map((i) => i.pointer)).toEqual(['/channels/1/pipelineId']);
  });

  it('reports a missing and a doubled built-in template', () => {
    const ws = defaultWorkspace();
    ws.templates[1] = { ...ws.templates[1]!, builtIn: 'ticketReceived' };
    expect(workspaceIssues(ws).map((i) => [i.code, i.pointer])).toEqual([
      ['duplicate-built-in', '/templates/1/builtIn'],
      ['missing-built-in', '/templates'],
    ]);
  });

  it('reports a user email that is not an address', () => {
    const ws = defaultWorkspace();
    ws.users[2]!.email = 'claire at acme';
    expect(workspaceIssues(ws).map((i) => [i.code, i.pointer])).toEqual([['bad-email', '/users/2/email']]);
  });
});
