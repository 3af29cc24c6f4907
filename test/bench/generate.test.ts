import { describe, expect, it } from 'vitest';
import { exportWorkflow, importScenario, importWorkflow, stableStringify } from '../../src/document';
import { defaultWorkspace } from '../../src/model';
import { generateScenario, generateWorkflowDocument, Random } from './generate';

const workspace = defaultWorkspace();

describe('Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateWorkflowDocument', () => {
  it.each([100, 1000])('makes a %i-action workflow that imports with no problem at all', (size) => {
    const doc = generateWorkflowDocument(size);
    expect(doc.workflow.actions).toHaveLength(size);
    const result = importWorkflow(exportWorkflow(doc), { workspace });
    expect(result.document && result.problems).toEqual([]);
  });

  it('mixes every action kind, with branches, delays and go-tos that jump to a delay', () => {
    const { workflow } = generateWorkflowDocument(1000);
    const kinds = new Set(workflow.actions.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['branch', 'delay', 'goto', 'notify', 'sendEmail', 'setProperty', 'setStatus', 'webhook']);
    const delays = new Set(workflow.actions.filter((a) => a.kind === 'delay').map((a) => a.id));
    for (const a of workflow.actions) if (a.kind === 'goto') expect(delays.has(a.target!)).toBe(true);
  });

  it('gives the same bytes for the same size and seed, and another workflow for another seed', () => {
    expect(stableStringify(generateWorkflowDocument(1000))).toBe(stableStringify(generateWorkflowDocument(1000)));
    expect(stableStringify(generateWorkflowDocument(100, 1))).not.toBe(stableStringify(generateWorkflowDocument(100, 2)));
  });

  it('refuses a size that is not a positive whole number, naming it', () => {
    expect(() => generateWorkflowDocument(0)).toThrow(/positive whole number, not 0/);
  });
});

describe('generateScenario', () => {
  it('makes a 1,000-ticket scenario that imports with no problem against the default workspace', () => {
    const scenario = generateScenario(1000);
    const creations = scenario.events.filter((e) => e.type === 'incomingMessage' && e.subject !== undefined);
    expect(creations).toHaveLength(1000);
    const result = importScenario(JSON.stringify(scenario), { workspace });
    expect(result.document && result.problems).toEqual([]);
  });

  it('holds replies, agent emails from both records, status changes, closes and reopens within 30 days', () => {
    const scenario = generateScenario(1000);
    const types = new Set(scenario.events.map((e) => e.type));
    for (const type of ['incomingMessage', 'agentEmail', 'setStatus', 'setOwner', 'setPriority', 'closeTicket', 'reopenTicket']) {
      expect(types).toContain(type);
    }
    const froms = new Set(scenario.events.flatMap((e) => (e.type === 'agentEmail' ? [e.from] : [])));
    expect([...froms].sort()).toEqual(['contact', 'ticket']);
    expect(Date.parse(scenario.end!) - Date.parse(scenario.start)).toBe(30 * 86_400_000);
    expect(scenario.events.every((e) => Date.parse(e.at) < Date.parse(scenario.end!))).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateScenario(1000))).toBe(JSON.stringify(generateScenario(1000)));
  });
});
