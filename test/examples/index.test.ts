import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importScenario, importWorkflow, stableStringify } from '../../src/document';
import { defaultWorkspace, EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { builtInStatusWorkflow, repeatedBuiltIns } from '../../src/settings/built-in-workflows';

const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('examples', () => {
  it('lists every workflow file in src/examples/workflows exactly once', () => {
    expect(EXAMPLE_WORKFLOWS.map((e) => e.file).sort()).toEqual(jsonFiles('src/examples/workflows'));
  });

  it('lists every scenario file in src/examples/scenarios exactly once', () => {
    expect(EXAMPLE_SCENARIOS.map((e) => e.file).sort()).toEqual(jsonFiles('src/examples/scenarios'));
  });

  it('gives every example workflow its own id', () => {
    const ids = EXAMPLE_WORKFLOWS.map((e) => e.document.workflow.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(EXAMPLE_WORKFLOWS.map((e) => [e.file, e] as const))('imports %s against the default workspace without a problem', (_file, example) => {
    const result = importWorkflow(stableStringify(example.document), { workspace: defaultWorkspace() });
    expect(result.document && result.problems).toEqual([]);
  });

  it.each(EXAMPLE_SCENARIOS.map((e) => [e.file, e] as const))('imports the scenario %s against the default workspace', (_file, example) => {
    const result = importScenario(stableStringify(example.scenario), { workspace: defaultWorkspace() });
    expect(result.document && result.problems).toEqual([]);
  });

  it('covers each use of the help-center articles with at least one example', () => {
    // The email-driven status updates are the pipeline's built-ins (Settings → Automate), not examples.
    const builtIns = (['onEmailSent', 'onCustomerReply'] as const).map((w) => builtInStatusWorkflow(defaultWorkspace(), 'support', w).workflow);
    const workflows = [...builtIns, ...EXAMPLE_WORKFLOWS.map((e) => e.document.workflow)];
    const triggers = workflows.flatMap((w) => w.enrollment.triggers);
    const actions = workflows.flatMap((w) => w.actions);
    expect(triggers.map((t) => t.type)).toEqual(expect.arrayContaining(['emailSentFromTicket', 'contactReplied', 'ticketCreated']));
    expect(actions.filter((a) => a.kind === 'sendEmail').map((a) => a.templateId)).toEqual(expect.arrayContaining(['tpl-received', 'tpl-closed']));
    expect(triggers).toContainEqual({ type: 'conversationStarted', channelKinds: ['chat'] });
    expect(actions.some((a) => a.kind === 'notify' && a.recipients.owner)).toBe(true);
    expect(actions.some((a) => a.kind === 'notify' && a.recipients.teamIds.length > 0)).toBe(true);
    expect(actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['branch', 'delay', 'goto']));
  });

  it('ships no example workflow that repeats an enabled built-in status update', () => {
    const ws = defaultWorkspace();
    expect(ws.pipelines.every((p) => p.automation.onEmailSent.enabled && p.automation.onCustomerReply.enabled)).toBe(true);
    expect(EXAMPLE_WORKFLOWS.filter((e) => repeatedBuiltIns(ws, e.document.workflow).length > 0).map((e) => e.file)).toEqual([]);
  });
});
