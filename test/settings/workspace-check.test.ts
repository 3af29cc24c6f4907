import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../src/model';
import { workspaceIssues } from '../../src/settings/workspace-check';

describe('workspaceIssues', () => {
  it('finds nothing wrong with the default workspace', () => {
    expect(workspaceIssues(defaultWorkspace())).toEqual([]);
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
