import { describe, expect, it } from 'vitest';
import { parseReviewRoute, reviewRoute } from '../../src/review/route';

describe('reviewRoute', () => {
  it('links to a workflow in review mode', () => {
    expect(reviewRoute('wf-ticket-closed-email')).toBe('#/review/wf-ticket-closed-email');
  });

  it('round-trips through parseReviewRoute, even with ids that need encoding', () => {
    for (const id of ['wf-1', 'a:b.c_d', 'X']) expect(parseReviewRoute(reviewRoute(id))).toEqual({ kind: 'review', workflowId: id });
  });

  it('refuses something that is not a workflow id', () => {
    expect(() => reviewRoute('<script>')).toThrow(/not a workflow id/);
  });
});

describe('parseReviewRoute', () => {
  it('is null for hashes about something else', () => {
    expect(parseReviewRoute('')).toBeNull();
    expect(parseReviewRoute('#/workflows/wf-1')).toBeNull();
  });

  it('accepts a trailing slash', () => {
    expect(parseReviewRoute('#/review/wf-1/')).toEqual({ kind: 'review', workflowId: 'wf-1' });
  });

  it('explains a link that names no workflow', () => {
    expect(parseReviewRoute('#/review/')).toEqual({ kind: 'invalid', message: 'The review link names no workflow.' });
  });

  it('explains a link whose id is not a workflow id', () => {
    const r = parseReviewRoute('#/review/%3Cimg%20src%3Dx%3E');
    expect(r?.kind).toBe('invalid');
    expect(r?.kind === 'invalid' && r.message).toContain('<img src=x>');
  });

  it('explains a badly encoded link', () => {
    expect(parseReviewRoute('#/review/%E0%A4%A')?.kind).toBe('invalid');
  });
});
