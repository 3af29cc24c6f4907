import { useMemo } from 'react';
import type { Translate } from '../../actions';
import { PrioritySchema, ScenarioEventSchema, type Scenario, type ScenarioEvent, type Workflow, type Workspace } from '../../model';
import { problemAt, type FieldProblem } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { TextAreaField, TextField } from '../common/TextField';
import { useT } from '../i18n';
import '../i18n/simulation';
import { priorityOptions, userOptions } from '../inspector/workspace-options';
import { namesOf, type Names } from './names';
import { channelOptions, contactOptions, conversationOptions, ticketOptions } from './options';
import { freshId, takenIds, type MessageShape } from './scenario-edit';
import { TimeField } from './TimeField';
import { useDraft } from './use-draft';
import { eventRefusal, worldBefore, type WorldView } from './world-before';

/** Events edited with this form; a channel move has its own guided dialog. */
export type FormEvent = Exclude<ScenarioEvent, { type: 'moveChannel' }>;

type Of<T extends FormEvent['type']> = Extract<FormEvent, { type: T }>;

interface PartProps<E> {
  draft: E;
  set: (next: E) => void;
  problems: FieldProblem[];
  workspace: Workspace;
  scenario: Scenario;
  world: WorldView;
  names: Names;
}

/**
 * The form of one timeline event. Everything it refers to is picked from the workspace or from the
 * help desk as the engine builds it up to this point of the timeline; ids of new conversations and
 * threads are generated. Save is offered only for a valid event; how the engine would treat it
 * (a reference that does not exist yet, a refused change) is shown before saving.
 */
export function EventForm({
  workspace,
  scenario,
  index,
  event,
  onSave,
  onCancel,
}: {
  workspace: Workspace;
  scenario: Scenario;
  /** The position the event has, or will have when added. */
  index: number;
  event: FormEvent;
  onSave: (event: FormEvent) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const { draft, setDraft, problems, reportTime, canSave } = useDraft<FormEvent>(ScenarioEventSchema, event);
  const world = useMemo(() => worldBefore(workspace, scenario, index, draft.at), [workspace, scenario, index, draft.at]);
  const names = useMemo(() => namesOf(workspace, [] as Workflow[], scenario, t), [workspace, scenario, t]);
  const refusal = useMemo(
    () => (problems.length ? null : eventRefusal(workspace, scenario, index, draft)),
    [problems, workspace, scenario, index, draft],
  );
  const part: PartProps<FormEvent> = { draft, set: setDraft, problems, workspace, scenario, world, names };

  return (
    <form
      className="tf-sim-form"
      aria-label={t(`sim.event.type.${draft.type}`)}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSave(draft);
      }}
    >
      <TimeField
        label={t('sim.form.at')}
        value={draft.at}
        problem={problemAt(problems, '/at')}
        onChange={(at) => {
          reportTime('at', at !== null);
          if (at !== null) setDraft({ ...draft, at });
        }}
      />
      <EventFields {...part} />
      {refusal && (
        <p className="tf-sim-form__refusal" role="status">
          {t('sim.form.refusal', { message: refusal.message })}
        </p>
      )}
      {problems.length > 0 && <p className="tf-problem tf-problem--error">{t('sim.form.fix')}</p>}
      <div className="tf-sim-form__buttons">
        <button type="submit" className="tf-button tf-button--primary" disabled={!canSave}>
          {t('sim.form.save')}
        </button>
        <button type="button" className="tf-button" onClick={onCancel}>
          {t('sim.form.cancel')}
        </button>
      </div>
    </form>
  );
}

function EventFields(p: PartProps<FormEvent>) {
  const { draft } = p;
  switch (draft.type) {
    case 'incomingMessage':
      return <IncomingFields {...(p as PartProps<Of<'incomingMessage'>>)} />;
    case 'agentEmail':
      return <AgentEmailFields {...(p as PartProps<Of<'agentEmail'>>)} />;
    case 'setStatus':
    case 'setOwner':
    case 'setPriority':
    case 'closeTicket':
    case 'reopenTicket':
      return <TicketFields {...(p as PartProps<Of<'setStatus' | 'setOwner' | 'setPriority' | 'closeTicket' | 'reopenTicket'>>)} />;
    case 'advance':
      return <AdvanceHint />;
  }
}

/** The text of a message event. */
function MessageText<E extends { text: string }>({ draft, set, problems }: Pick<PartProps<E>, 'draft' | 'set' | 'problems'>) {
  const { t } = useT();
  return (
    <TextAreaField label={t('sim.form.text')} rows={3} value={draft.text} onChange={(text) => set({ ...draft, text })} problem={problemAt(problems, '/text')} />
  );
}

function AdvanceHint() {
  const { t } = useT();
  return <p className="tf-field__hint">{t('sim.form.advance.hint')}</p>;
}

function shapeOf(draft: Of<'incomingMessage'>, world: WorldView): MessageShape {
  const conv = world.conversations.find((c) => c.id === draft.conversationId);
  if (!conv) return 'conversation';
  return conv.threads.some((th) => th.id === draft.threadId) ? 'reply' : 'thread';
}

function IncomingFields({ draft, set, problems, workspace, scenario, world, names }: PartProps<Of<'incomingMessage'>>) {
  const { t } = useT();
  const shape = shapeOf(draft, world);
  const taken = takenIds(scenario, world);
  const conv = world.conversations.find((c) => c.id === draft.conversationId);
  const chooseShape = (next: string) => {
    if (next === shape) return;
    if (next === 'conversation') {
      const conversationId = freshId('conv', taken);
      set({ ...draft, conversationId, threadId: freshId('thread', new Set([...taken, conversationId])) });
      return;
    }
    const target = conv ?? world.conversations[world.conversations.length - 1];
    if (!target) return;
    const threadId = next === 'reply' ? (target.threads[0]?.id ?? freshId('thread', taken)) : freshId('thread', taken);
    set({ ...draft, conversationId: target.id, contactId: target.contact, channelId: target.channel, threadId, subject: undefined });
  };
  const chooseConversation = (id: string | null) => {
    const target = world.conversations.find((c) => c.id === id);
    if (!target) return;
    const threadId = shape === 'reply' ? (target.threads[0]?.id ?? draft.threadId) : freshId('thread', taken);
    set({ ...draft, conversationId: target.id, contactId: target.contact, channelId: target.channel, threadId });
  };
  const shapes = [
    { value: 'conversation', label: t('sim.form.shape.conversation') },
    ...(world.conversations.length
      ? [
          { value: 'reply', label: t('sim.form.shape.reply') },
          { value: 'thread', label: t('sim.form.shape.thread') },
        ]
      : []),
  ];
  return (
    <>
      <RadioGroup legend={t('sim.form.shape')} value={shape} options={shapes} onChange={chooseShape} />
      {shape === 'conversation' ? (
        <>
          <SelectField
            label={t('sim.form.contact')}
            value={draft.contactId || null}
            options={contactOptions(workspace, scenario)}
            onChange={(contactId) => set({ ...draft, contactId: contactId ?? '' })}
            problem={problemAt(problems, '/contactId')}
          />
          <p className="tf-field__hint">{t('sim.form.newIds', { conversation: draft.conversationId, thread: draft.threadId })}</p>
          <TextField
            label={t('sim.form.subject')}
            value={draft.subject ?? ''}
            onChange={(subject) => set({ ...draft, subject: subject === '' ? undefined : subject })}
            problem={problemAt(problems, '/subject')}
            hint={t('sim.form.subject.hint')}
          />
        </>
      ) : (
        <>
          <SelectField
            label={t('sim.form.conversation')}
            value={draft.conversationId || null}
            options={conversationOptions(world.conversations, names, t)}
            onChange={chooseConversation}
            problem={problemAt(problems, '/conversationId')}
          />
          {shape === 'reply' ? (
            <SelectField
              label={t('sim.form.thread')}
              value={draft.threadId || null}
              options={(conv?.threads ?? []).map((th) => ({ value: th.id, label: threadLabel(th, conv?.ticket ?? null, world, t) }))}
              onChange={(threadId) => set({ ...draft, threadId: threadId ?? '' })}
              problem={problemAt(problems, '/threadId')}
            />
          ) : (
            <p className="tf-field__hint">{t('sim.form.newThreadId', { thread: draft.threadId })}</p>
          )}
          <p className="tf-field__hint">{t('sim.form.from', { contact: names.contact(draft.contactId) })}</p>
        </>
      )}
      <SelectField
        label={t('sim.form.channel')}
        value={draft.channelId || null}
        options={channelOptions(workspace, t)}
        onChange={(channelId) => set({ ...draft, channelId: channelId ?? '' })}
        problem={problemAt(problems, '/channelId')}
        hint={shape === 'conversation' ? undefined : t('sim.form.channel.hint')}
      />
      <MessageText draft={draft} set={set} problems={problems} />
    </>
  );
}

/** A thread named by its id, its first words, and whether the ticket was created on it. */
function threadLabel(
  thread: WorldView['conversations'][number]['threads'][number],
  ticketId: string | null,
  world: WorldView,
  t: Translate,
): string {
  const first = thread.messages[0]?.text.slice(0, 40) ?? '';
  const ticket = ticketId === null ? undefined : world.tickets.find((x) => x.id === ticketId);
  const key = ticket?.thread === thread.id ? 'sim.thread.option.ticket' : 'sim.thread.option';
  return t(key, { id: thread.id, first, ticket: ticketId ?? '' });
}

function AgentEmailFields({ draft, set, problems, workspace, scenario, world, names }: PartProps<Of<'agentEmail'>>) {
  const { t } = useT();
  const conv = world.conversations.find((c) => c.id === draft.conversationId);
  const taken = takenIds(scenario, world);
  const known = conv?.threads.some((th) => th.id === draft.threadId) ?? false;
  const newThread = known || !draft.threadId ? freshId('thread', taken) : draft.threadId;
  const threadChoices = [
    ...(conv?.threads ?? []).map((th) => ({ value: th.id, label: threadLabel(th, conv?.ticket ?? null, world, t) })),
    { value: newThread, label: t('sim.form.newThread', { id: newThread }) },
  ];
  return (
    <>
      <SelectField
        label={t('sim.form.agent')}
        value={draft.userId || null}
        options={userOptions(workspace, t)}
        onChange={(userId) => set({ ...draft, userId: userId ?? '' })}
        problem={problemAt(problems, '/userId')}
      />
      <SelectField
        label={t('sim.form.conversation')}
        value={draft.conversationId || null}
        options={conversationOptions(world.conversations, names, t)}
        onChange={(id) => {
          const target = world.conversations.find((c) => c.id === id);
          set({ ...draft, conversationId: id ?? '', threadId: target?.threads[0]?.id ?? '' });
        }}
        problem={problemAt(problems, '/conversationId')}
        hint={world.conversations.length ? undefined : t('sim.form.noConversations')}
      />
      <SelectField
        label={t('sim.form.thread')}
        value={draft.threadId || null}
        options={threadChoices}
        onChange={(threadId) => set({ ...draft, threadId: threadId ?? '' })}
        problem={problemAt(problems, '/threadId')}
      />
      <RadioGroup
        legend={t('sim.form.record')}
        value={draft.from}
        options={[
          { value: 'ticket', label: t('sim.form.record.ticket') },
          { value: 'contact', label: t('sim.form.record.contact') },
        ]}
        onChange={(from) => set({ ...draft, from: from === 'contact' ? 'contact' : 'ticket' })}
      />
      <p className="tf-field__hint">{t(draft.from === 'ticket' ? 'sim.form.record.ticket.hint' : 'sim.form.record.contact.hint')}</p>
      <MessageText draft={draft} set={set} problems={problems} />
    </>
  );
}

function TicketFields({ draft, set, problems, workspace, world }: PartProps<Of<'setStatus' | 'setOwner' | 'setPriority' | 'closeTicket' | 'reopenTicket'>>) {
  const { t } = useT();
  const ticketId = draft.ticketOf !== undefined ? world.conversations.find((c) => c.id === draft.ticketOf)?.ticket : draft.ticketId;
  const ticket = world.tickets.find((x) => x.id === ticketId);
  const pipeline = workspace.pipelines.find((p) => p.id === ticket?.pipeline) ?? workspace.pipelines[0]!;
  return (
    <>
      <SelectField
        label={t('sim.form.ticket')}
        value={draft.ticketId || null}
        options={ticketOptions(world.tickets, t)}
        onChange={(ticketId) => set({ ...draft, ticketId: ticketId ?? '', ticketOf: undefined })}
        problem={problemAt(problems, '/ticketId')}
        hint={world.tickets.length ? undefined : t('sim.form.noTickets')}
      />
      <SelectField
        label={t('sim.form.ticketOf')}
        value={draft.ticketOf ?? null}
        options={world.conversations.map((c) => ({ value: c.id, label: c.id }))}
        onChange={(ticketOf) => set(ticketOf === null ? { ...draft, ticketOf: undefined } : { ...draft, ticketId: undefined, ticketOf })}
        problem={problemAt(problems, '/ticketOf')}
        placeholder={t('sim.form.ticketOf.none')}
        hint={t('sim.form.ticketOf.hint')}
      />
      {draft.type === 'setStatus' && (
        <SelectField
          label={t('sim.form.status')}
          value={draft.statusId || null}
          options={pipeline.statuses.map((s) => ({ value: s.id, label: s.label }))}
          onChange={(statusId) => set({ ...draft, statusId: statusId ?? '' })}
          problem={problemAt(problems, '/statusId')}
        />
      )}
      {draft.type === 'setOwner' && (
        <SelectField
          label={t('sim.form.owner')}
          value={draft.ownerId}
          options={userOptions(workspace, t)}
          placeholder={t('sim.unassigned')}
          onChange={(ownerId) => set({ ...draft, ownerId })}
          problem={problemAt(problems, '/ownerId')}
        />
      )}
      {draft.type === 'setPriority' && (
        <SelectField
          label={t('sim.form.priority')}
          value={draft.priority}
          options={priorityOptions(t)}
          onChange={(value) => {
            const priority = PrioritySchema.safeParse(value);
            if (priority.success) set({ ...draft, priority: priority.data });
          }}
        />
      )}
    </>
  );
}
