import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, exportWorkflow, importBundle, stableStringify } from '../../src/document';
import { defaultWorkspace, EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import type { WorkflowDocument } from '../../src/model';
import { DATABASE_KINDS } from '../storage/databases';
import { addMember, addToken, Client, setUp, startTestServer, type TestServer } from './harness';
import { openStream } from './sse';

const EXAMPLE = EXAMPLE_WORKFLOWS.find((w) => w.document.workflow.id === 'wf-urgent-escalation')?.document as WorkflowDocument;
/** The example as the server serves it: the revision mark a file arrives with is not stored. */
const SERVED = { ...EXAMPLE, revision: undefined } as WorkflowDocument;

function renamed(doc: WorkflowDocument, name: string): WorkflowDocument {
  return { ...doc, workflow: { ...doc.workflow, name } };
}

function withId(doc: WorkflowDocument, id: string): WorkflowDocument {
  return { ...doc, workflow: { ...doc.workflow, id } };
}

for (const kind of DATABASE_KINDS) {
  describe(`workflows, revisions and publishing (${kind})`, () => {
    let server: TestServer;
    let admin: Client;
    let reviewer: Client;
    let token: Client;

    beforeAll(async () => {
      server = await startTestServer(kind);
      admin = await setUp(server);
      reviewer = (await addMember(admin, 'reviewer', 'Rita Reviewer')).client;
      token = (await addToken(admin, 'read+run')).client;
    }, 60_000);
    afterAll(async () => {
      await server.close();
    });

    it('starts a new workspace from the examples, with the ones that were on published', async () => {
      const list = (await admin.call('GET', '/workflows')).json.workflows as { id: string; head: number; published: number | null }[];
      expect(list.map((w) => w.id).sort()).toEqual(EXAMPLE_WORKFLOWS.map((w) => w.document.workflow.id).sort());
      const on = EXAMPLE_WORKFLOWS.filter((w) => w.document.revision?.published).map((w) => w.document.workflow.id);
      expect(list.filter((w) => w.published === 1).map((w) => w.id).sort()).toEqual(on.sort());
      const scenarios = (await admin.call('GET', '/scenarios')).json.scenarios as { id: string }[];
      expect(scenarios.map((s) => s.id).sort()).toEqual(EXAMPLE_SCENARIOS.map((s) => s.scenario.id).sort());
    });

    it('serves the exact exported bytes with an ETag, and 304 for If-None-Match', async () => {
      const answer = await admin.call('GET', `/workflows/${EXAMPLE.workflow.id}`);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(exportWorkflow(SERVED, { comments: false }));
      expect(answer.headers.get('etag')).toBe(`"${EXAMPLE.workflow.id}.r1"`);
      const again = await admin.call('GET', `/workflows/${EXAMPLE.workflow.id}`, { headers: { 'if-none-match': `"${EXAMPLE.workflow.id}.r1"` } });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
    });

    it('saves on the head, refuses a stale base with 409 and the current revision, and asks for If-Match', async () => {
      const id = EXAMPLE.workflow.id;
      const first = await admin.call('PUT', `/workflows/${id}?message=Renamed`, { raw: exportWorkflow(renamed(EXAMPLE, 'Escalate urgent, v2')), headers: { 'if-match': `"${id}.r1"` } });
      expect(first.status).toBe(200);
      expect(first.json.revision).toMatchObject({ number: 2, base: 1, kind: 'save', message: 'Renamed', authorName: 'Ada Admin' });
      expect(first.headers.get('etag')).toBe(`"${id}.r2"`);
      const stale = await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(renamed(EXAMPLE, 'Lost?')), headers: { 'if-match': `"${id}.r1"` } });
      expect(stale.status).toBe(409);
      expect(stale.json.current).toBe(2);
      const none = await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(EXAMPLE) });
      expect(none.status).toBe(428);
      const head = await admin.call('GET', `/workflows/${id}`);
      expect(JSON.parse(head.text).workflow.name).toBe('Escalate urgent, v2');
    });

    it('refuses with 422 and the TF problems a document the core cannot read, and stores nothing', async () => {
      const id = EXAMPLE.workflow.id;
      const before = (await admin.call('GET', `/workflows/${id}/revisions`)).json.revisions.length;
      const broken = await admin.call('PUT', `/workflows/${id}`, { raw: '{"format": "ticketflow.workflow", "schemaVersion": 2, "workflow": 7}', headers: { 'if-match': '2' } });
      expect(broken.status).toBe(422);
      expect(broken.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(broken.json.problems[0].code).toMatch(/^TF2\d\d$/);
      const syntax = await admin.call('PUT', `/workflows/${id}`, { raw: '{"format": ', headers: { 'if-match': '2' } });
      expect(syntax.json.problems[0].code).toBe('TF101');
      const other = await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(withId(EXAMPLE, 'someone-else')), headers: { 'if-match': '2' } });
      expect(other.status).toBe(422);
      expect((await admin.call('GET', `/workflows/${id}/revisions`)).json.revisions.length).toBe(before);
    });

    it('refuses a reviewer\'s save with 403 and stores nothing', async () => {
      const id = EXAMPLE.workflow.id;
      const answer = await reviewer.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(renamed(EXAMPLE, 'By a reviewer')), headers: { 'if-match': '2' } });
      expect(answer.status).toBe(403);
      expect((await admin.call('GET', `/workflows/${id}/revisions`)).json.head).toBe(2);
    });

    it('keeps a draft with errors, but refuses to publish it with 422 and the problems', async () => {
      const id = EXAMPLE.workflow.id;
      const bad = { ...EXAMPLE, workflow: { ...EXAMPLE.workflow, startActionId: 'missing' } };
      const saved = await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(bad), headers: { 'if-match': '2' } });
      expect(saved.status).toBe(200);
      expect(saved.json.problems.map((p: { code: string }) => p.code)).toContain('TF302');
      const publish = await admin.call('POST', `/workflows/${id}/publish`, { body: { revision: 3 } });
      expect(publish.status).toBe(422);
      expect(publish.json.problems.map((p: { code: string }) => p.code)).toContain('TF302');
      expect((await admin.call('GET', '/workflows')).json.workflows.find((w: { id: string }) => w.id === id).published).toBe(1);
    });

    it('publishes a revision: tokens and ?state=published then get it; the head stays the draft', async () => {
      const id = EXAMPLE.workflow.id;
      const publish = await admin.call('POST', `/workflows/${id}/publish`, { body: { revision: 2 } });
      expect(publish.status).toBe(200);
      expect(publish.json.published).toBe(2);
      const live = await token.call('GET', `/workflows/${id}`);
      expect(live.headers.get('x-revision')).toBe('2');
      expect(JSON.parse(live.text).workflow.name).toBe('Escalate urgent, v2');
      expect((await admin.call('GET', `/workflows/${id}?state=published`)).headers.get('x-revision')).toBe('2');
      expect((await admin.call('GET', `/workflows/${id}`)).headers.get('x-revision')).toBe('3');
      expect((await admin.call('GET', `/workflows/${id}?revision=1`)).text).toBe(exportWorkflow(SERVED, { comments: false }));
      const revisions = (await admin.call('GET', `/workflows/${id}/revisions`)).json;
      expect(revisions.revisions.map((r: { number: number; published: boolean }) => [r.number, r.published])).toEqual([
        [3, false],
        [2, true],
        [1, false],
      ]);
    });

    it('unpublishes: the workflow drops out of the live list', async () => {
      const id = 'wf-chat-ticket-acknowledge';
      expect((await token.call('GET', '/workflows')).json.workflows.map((w: { id: string }) => w.id)).toContain(id);
      expect((await admin.call('DELETE', `/workflows/${id}/publish`)).json.published).toBeNull();
      expect((await token.call('GET', '/workflows')).json.workflows.map((w: { id: string }) => w.id)).not.toContain(id);
      expect((await admin.call('GET', '/workflows?state=published')).json.workflows.map((w: { id: string }) => w.id)).not.toContain(id);
      expect((await token.call('GET', `/workflows/${id}`)).status).toBe(404);
    });

    it('gives a token the live set in one bundle, each workflow at its published revision', async () => {
      const answer = await token.call('GET', '/bundle');
      expect(answer.status).toBe(200);
      const bundle = importBundle(answer.text);
      if (!bundle.document) throw new Error(JSON.stringify(bundle.problems));
      const published = (await admin.call('GET', '/workflows?state=published')).json.workflows as { id: string; published: number }[];
      expect(bundle.document.workflows.map((w) => w.workflow.id).sort()).toEqual(published.map((w) => w.id).sort());
      for (const w of published) {
        const live = await admin.call('GET', `/workflows/${w.id}?revision=${w.published}`);
        expect(exportWorkflow(bundle.document.workflows.find((d) => d.workflow.id === w.id) as WorkflowDocument, { comments: false })).toBe(live.text);
      }
      expect((await token.call('GET', '/bundle', { headers: { 'if-none-match': answer.headers.get('etag') ?? '' } })).status).toBe(304);
    });

    it('creates a workflow from a document, says that a file marked live does not publish it, and refuses a second with the id', async () => {
      const doc = withId(EXAMPLE, 'wf-new');
      const made = await admin.call('POST', '/workflows', { raw: exportWorkflow(doc) });
      expect(made.status).toBe(201);
      expect(made.json.revision).toMatchObject({ number: 1, base: null, kind: 'create' });
      expect(made.json.notes.join(' ')).toMatch(/does not publish/);
      expect((await admin.call('GET', '/workflows')).json.workflows.find((w: { id: string }) => w.id === 'wf-new').published).toBeNull();
      expect((await admin.call('POST', '/workflows', { raw: exportWorkflow(doc) })).status).toBe(409);
      expect((await admin.call('DELETE', '/workflows/wf-new', { headers: { 'if-match': '"wf-new.r0"' } })).json.current).toBe(1);
      expect((await admin.call('DELETE', '/workflows/wf-new', { headers: { 'if-match': '"wf-new.r1"' } })).status).toBe(204);
      expect((await admin.call('GET', '/workflows/wf-new')).status).toBe(404);
      const back = await admin.call('POST', '/workflows', { raw: exportWorkflow(doc) });
      expect(back.json.revision).toMatchObject({ number: 2, base: 1 });
    });

    it('lists a deleted workflow in the trash with its last document, newest first, and drops it once created again', async () => {
      const a = withId(renamed(EXAMPLE, 'Trashed first'), 'wf-trash-a');
      const b = withId(renamed(EXAMPLE, 'Trashed second'), 'wf-trash-b');
      for (const doc of [a, b]) expect((await admin.call('POST', '/workflows', { raw: exportWorkflow(doc) })).status).toBe(201);
      expect((await admin.call('DELETE', '/workflows/wf-trash-a')).status).toBe(204);
      expect((await admin.call('DELETE', '/workflows/wf-trash-b')).status).toBe(204);
      const trash = await admin.call('GET', '/trash');
      expect(trash.status).toBe(200);
      const listed = trash.json.workflows as { id: string; name: string; revision: number; deletedAt: string; document: unknown }[];
      const ours = listed.filter((w) => w.id.startsWith('wf-trash-'));
      expect(ours.map((w) => w.id)).toEqual(['wf-trash-b', 'wf-trash-a']);
      expect(ours[1]).toMatchObject({ name: 'Trashed first', revision: 1 });
      expect(Date.parse(ours[0]!.deletedAt)).toBeGreaterThanOrEqual(Date.parse(ours[1]!.deletedAt));
      expect(stableStringify(ours[1]!.document)).toBe(exportWorkflow({ ...a, revision: undefined } as WorkflowDocument, { comments: false }));
      expect((await reviewer.call('GET', '/trash')).status).toBe(403);
      expect((await admin.call('POST', '/workflows', { raw: exportWorkflow(a) })).json.revision).toMatchObject({ number: 2, base: 1 });
      const after = (await admin.call('GET', '/trash')).json.workflows as { id: string }[];
      expect(after.map((w) => w.id)).toContain('wf-trash-b');
      expect(after.map((w) => w.id)).not.toContain('wf-trash-a');
    });

    it('keeps comment threads by account, on any target, readable after a revision removed their action', async () => {
      const id = EXAMPLE.workflow.id;
      const thread = await reviewer.call('POST', `/workflows/${id}/comments`, { body: { target: 'notify-leads', text: 'Who are the leads?' } });
      expect(thread.status).toBe(201);
      expect(thread.json).toMatchObject({ target: 'notify-leads', revision: 3, resolved: false });
      expect(thread.json.messages[0]).toMatchObject({ authorName: 'Rita Reviewer', text: 'Who are the leads?' });
      const reply = await admin.call('POST', `/comments/${thread.json.id}/replies`, { body: { text: 'The team leads.' } });
      expect(reply.json.messages.map((m: { authorName: string }) => m.authorName)).toEqual(['Rita Reviewer', 'Ada Admin']);
      expect((await reviewer.call('PATCH', `/comments/${thread.json.id}`, { body: { resolved: true } })).json.resolved).toBe(true);
      const without = { ...EXAMPLE, workflow: { ...EXAMPLE.workflow, actions: EXAMPLE.workflow.actions.filter((a) => a.id !== 'notify-leads') } };
      expect((await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(without), headers: { 'if-match': '3' } })).status).toBe(200);
      const list = (await reviewer.call('GET', `/workflows/${id}/comments`)).json.comments;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ target: 'notify-leads', revision: 3, resolved: true });
      const atRevision = JSON.parse((await reviewer.call('GET', `/workflows/${id}?revision=3`)).text) as WorkflowDocument;
      expect(atRevision.workflow.actions.map((a) => a.id)).toContain('notify-leads');
    });

    it('stores scenarios checked by the core, with If-Match to replace them', async () => {
      const scenario = EXAMPLE_SCENARIOS[0]?.scenario;
      if (!scenario) throw new Error('no example scenario');
      const copy = { ...scenario, id: 'copy', name: 'A copy' };
      const created = await admin.call('PUT', '/scenarios/copy', { raw: stableStringify(copy) });
      expect(created.status).toBe(201);
      expect((await admin.call('PUT', '/scenarios/copy', { raw: stableStringify(copy) })).status).toBe(409);
      const replaced = await admin.call('PUT', '/scenarios/copy', { raw: stableStringify({ ...copy, name: 'Renamed copy' }), headers: { 'if-match': created.headers.get('etag') ?? '' } });
      expect(replaced.status).toBe(200);
      expect((await token.call('GET', '/scenarios/copy')).text).toBe(stableStringify({ ...copy, name: 'Renamed copy' }));
      expect((await admin.call('PUT', '/scenarios/copy', { raw: '{"format":"ticketflow.scenario"}', headers: { 'if-match': '2' } })).status).toBe(422);
      expect((await admin.call('DELETE', '/scenarios/copy')).status).toBe(204);
    });

    it('moves a local workspace in from a bundle, in one step, and reports what came in', async () => {
      const workspace = { ...defaultWorkspace() };
      const moved = withId(renamed(EXAMPLE, 'Moved in'), 'wf-moved');
      const commented: WorkflowDocument = {
        ...moved,
        comments: [{ id: 'c1', target: 'trigger', resolved: false, messages: [{ id: 'm1', author: 'Local Lou', at: '2026-01-05T09:00:00Z', text: 'Check the trigger' }] }],
      };
      const bundle = exportBundle({ workspace, workflows: [commented, EXAMPLE], scenarios: [EXAMPLE_SCENARIOS[1]?.scenario ?? EXAMPLE_SCENARIOS[0]!.scenario] });
      const answer = await admin.call('POST', '/import', { raw: bundle });
      expect(answer.status).toBe(200);
      expect(answer.json.workspace).toBe('replaced');
      expect(answer.json.workflows).toEqual([
        { id: 'wf-moved', name: 'Moved in', revision: 1, outcome: 'created' },
        { id: EXAMPLE.workflow.id, name: EXAMPLE.workflow.name, revision: 5, outcome: 'revised' },
      ]);
      expect(answer.json.scenarios[0].outcome).toBe('replaced');
      expect(answer.json.notes.join(' ')).toMatch(/does not publish/);
      // The same bundle moved in again adds no revision: the report says unchanged.
      const again = await admin.call('POST', '/import', { raw: exportBundle({ workspace, workflows: [moved, EXAMPLE], scenarios: [] }) });
      expect(again.status).toBe(200);
      expect(again.json.workflows).toEqual([
        { id: 'wf-moved', name: 'Moved in', revision: 1, outcome: 'unchanged' },
        { id: EXAMPLE.workflow.id, name: EXAMPLE.workflow.name, revision: 5, outcome: 'unchanged' },
      ]);
      const comments = (await admin.call('GET', '/workflows/wf-moved/comments')).json.comments;
      expect(comments[0].messages[0].text).toBe('Local Lou (2026-01-05T09:00:00Z): Check the trigger');
      const bad = await admin.call('POST', '/import', { raw: bundle.replace('"ticketflow.workflow"', '"nope"') });
      expect(bad.status).toBe(422);
      expect((await admin.call('GET', '/workflows/wf-moved/revisions')).json.head).toBe(1);
    });

    it('moves the same commented bundle in twice without duplicating a thread or a reply, and merges new replies', async () => {
      const workspace = { ...defaultWorkspace() };
      const thread = (messages: { id: string; text: string }[], resolved = false) => ({
        id: 'local-thread-1',
        target: 'trigger',
        resolved,
        messages: messages.map((m, i) => ({ ...m, author: 'Local Lou', at: `2026-01-05T09:0${i}:00Z` })),
      });
      const doc = (messages: { id: string; text: string }[], resolved = false): WorkflowDocument => ({
        ...withId(renamed(EXAMPLE, 'Commented twice'), 'wf-commented'),
        comments: [thread(messages, resolved), { id: 'local-thread-2', target: 'trigger', resolved: false, messages: [{ id: 'm9', author: 'Bo', at: '2026-01-06T10:00:00Z', text: 'Second thread' }] }],
      });
      const first = [
        { id: 'm1', text: 'Check the trigger' },
        { id: 'm2', text: 'Done' },
      ];
      const bundle = exportBundle({ workspace, workflows: [doc(first, true)], scenarios: [] });
      const threads = async () => (await admin.call('GET', '/workflows/wf-commented/comments')).json.comments as { id: string; resolved: boolean; messages: { text: string }[] }[];
      expect((await admin.call('POST', '/import?workspace=keep', { raw: bundle })).status).toBe(200);
      const once = await threads();
      expect(once.map((t) => t.messages.map((m) => m.text))).toEqual([
        ['Local Lou (2026-01-05T09:00:00Z): Check the trigger', 'Local Lou (2026-01-05T09:01:00Z): Done'],
        ['Bo (2026-01-06T10:00:00Z): Second thread'],
      ]);
      expect(once[0]!.resolved).toBe(true);
      expect((await admin.call('POST', '/import?workspace=keep', { raw: bundle })).status).toBe(200);
      expect(await threads()).toEqual(once);
      // The thread reopened here, then a bundle holding one more reply: the reply is added, the reopening stands.
      expect((await admin.call('PATCH', `/comments/${once[0]!.id}`, { body: { resolved: false } })).status).toBe(200);
      const more = exportBundle({ workspace, workflows: [doc([...first, { id: 'm3', text: 'One more' }], true)], scenarios: [] });
      expect((await admin.call('POST', '/import?workspace=keep', { raw: more })).status).toBe(200);
      const merged = await threads();
      expect(merged.map((t) => t.id)).toEqual(once.map((t) => t.id));
      expect(merged[0]!.messages.map((m) => m.text)).toEqual([...once[0]!.messages.map((m) => m.text), 'Local Lou (2026-01-05T09:02:00Z): One more']);
      expect(merged[0]!.resolved).toBe(false);
      // A bundle exported from this server names the threads and messages by their ids here: moving it in adds nothing.
      const served = (await admin.call('GET', '/workflows/wf-commented')).text;
      const exported = { ...importBundle(exportBundle({ workspace, workflows: [JSON.parse(served) as WorkflowDocument], scenarios: [] })).document!.workflows[0]! };
      exported.comments = merged.map((t) => ({ id: t.id, target: 'trigger', resolved: t.resolved, messages: (t as unknown as { messages: { id: string; authorName: string; at: string; text: string }[] }).messages.map((m) => ({ id: m.id, author: m.authorName, at: m.at, text: m.text })) }));
      expect((await admin.call('POST', '/import?workspace=keep', { raw: exportBundle({ workspace, workflows: [exported], scenarios: [] }) })).status).toBe(200);
      expect(await threads()).toEqual(merged);
    });

    it('stores a thread or a reply sent again under the same key once', async () => {
      const body = { target: 'trigger', text: 'Sent twice', key: 'page-thread-7', messageKey: 'page-message-1' };
      const made = await reviewer.call('POST', `/workflows/${EXAMPLE.workflow.id}/comments`, { body });
      expect(made.status).toBe(201);
      const again = await reviewer.call('POST', `/workflows/${EXAMPLE.workflow.id}/comments`, { body });
      expect(again.status).toBe(200);
      expect(again.json.id).toBe(made.json.id);
      const reply = { text: 'A reply sent twice', key: 'page-message-2' };
      expect((await reviewer.call('POST', `/comments/${made.json.id}/replies`, { body: reply })).status).toBe(201);
      const twice = await reviewer.call('POST', `/comments/${made.json.id}/replies`, { body: reply });
      expect(twice.status).toBe(200);
      expect(twice.json.messages.map((m: { text: string }) => m.text)).toEqual(['Sent twice', 'A reply sent twice']);
      // Without a key every call is a new thread, as before.
      const plain = { target: 'trigger', text: 'No key' };
      expect((await reviewer.call('POST', `/workflows/${EXAMPLE.workflow.id}/comments`, { body: plain })).status).toBe(201);
      expect((await reviewer.call('POST', `/workflows/${EXAMPLE.workflow.id}/comments`, { body: plain })).status).toBe(201);
      const all = (await admin.call('GET', `/workflows/${EXAMPLE.workflow.id}/comments`)).json.comments as { messages: { text: string }[] }[];
      expect(all.filter((t) => t.messages[0]!.text === 'Sent twice')).toHaveLength(1);
      expect(all.filter((t) => t.messages[0]!.text === 'No key')).toHaveLength(2);
    });

    it('validates a document with the core without storing it', async () => {
      const good = await token.call('POST', '/validate', { raw: exportWorkflow(EXAMPLE) });
      expect(good.json).toEqual({ ok: true, problems: [], notes: [] });
      const bad = await token.call('POST', '/validate', { raw: exportWorkflow({ ...EXAMPLE, workflow: { ...EXAMPLE.workflow, startActionId: 'missing' } }) });
      expect(bad.json.ok).toBe(false);
      expect(bad.json.problems[0].code).toBe('TF302');
      const huge = await token.call('POST', '/validate', { raw: 'x'.repeat(11 * 1024 * 1024) });
      expect(huge.status).toBe(413);
    });

    it('simulates the live workflows, or a draft in place of its live revision', async () => {
      const live = await token.call('POST', '/simulate', { body: { scenario: 'email-ticket-life' } });
      expect(live.status).toBe(200);
      const ids = (live.json.workflows as { id: string; revision: number | null }[]).map((w) => w.id);
      const published = (await admin.call('GET', '/workflows?state=published')).json.workflows.map((w: { id: string }) => w.id);
      expect(ids.sort()).toEqual(published.sort());
      expect(live.json.result.done).toBe(true);
      const draft = renamed(EXAMPLE, 'Draft run');
      const withDraft = await token.call('POST', '/simulate', { body: { scenario: 'email-ticket-life', drafts: [draft] } });
      expect(withDraft.json.workflows.find((w: { id: string }) => w.id === EXAMPLE.workflow.id)).toEqual({ id: EXAMPLE.workflow.id, revision: null });
    }, 30_000);

    it('simulates within lower budgets when asked, never higher ones', async () => {
      const bounded = await token.call('POST', '/simulate', { body: { scenario: 'email-ticket-life', budgets: { maxActions: 1 } } });
      expect(bounded.status).toBe(200);
      expect(bounded.json.result.errors.map((e: { code: string }) => e.code)).toContain('guard.budget');
      const higher = await token.call('POST', '/simulate', { body: { scenario: 'email-ticket-life', budgets: { maxActions: Number.MAX_SAFE_INTEGER } } });
      expect(higher.status).toBe(400);
      expect(higher.json.detail).toMatch(/budgets\.maxActions/);
    }, 30_000);

    it('streams saves, publishes and comments live, and resumes after Last-Event-ID', async () => {
      const stream = await openStream(reviewer);
      const backend = await openStream(token);
      expect(stream.status).toBe(200);
      const id = EXAMPLE.workflow.id;
      const head = Number((await admin.call('GET', `/workflows/${id}`)).headers.get('x-revision'));
      await admin.call('PUT', `/workflows/${id}`, { raw: exportWorkflow(renamed(EXAMPLE, 'Live')), headers: { 'if-match': String(head) } });
      const saved = await stream.next((e) => e.type === 'workflow.saved');
      expect(saved.data).toMatchObject({ workflowId: id, revision: head + 1, base: head });
      await reviewer.call('POST', `/workflows/${id}/comments`, { body: { target: 'trigger', text: 'Live comment' } });
      const comment = await stream.next((e) => e.type === 'comment.created');
      expect((comment.data.thread as { messages: { text: string }[] }).messages[0]?.text).toBe('Live comment');
      await reviewer.call('POST', '/presence', { body: { workflowId: id, state: 'viewing' } });
      await stream.next((e) => e.type === 'presence');
      expect((await admin.call('GET', '/presence')).json.presence).toEqual([expect.objectContaining({ workflowId: id, name: 'Rita Reviewer', state: 'viewing' })]);
      stream.close();
      // A token follows the documents, not the team's comments and presence.
      await backend.next((e) => e.type === 'workflow.saved');
      expect(backend.events.map((e) => e.type)).toEqual(['workflow.saved']);
      backend.close();
      await admin.call('POST', `/workflows/${id}/publish`, { body: { revision: head + 1 } });
      const resumed = await openStream(reviewer, { lastEventId: comment.id });
      const published = await resumed.next((e) => e.type === 'workflow.published');
      expect(published.data).toMatchObject({ workflowId: id, revision: head + 1 });
      expect(resumed.events.map((e) => e.type)).toEqual(['presence', 'workflow.published']);
      resumed.close();
    }, 30_000);
  });
}
