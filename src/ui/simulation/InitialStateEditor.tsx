import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import {
  ChannelKindSchema,
  ContactSchema,
  ConversationSchema,
  PrioritySchema,
  TicketSchema,
  type Contact,
  type Conversation,
  type Message,
  type Scenario,
  type Ticket,
  type Workspace,
} from '../../model';
import { IconButton } from '../common/IconButton';
import { problemAt, type FieldProblem } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { TextAreaField, TextField } from '../common/TextField';
import { useT } from '../i18n';
import '../i18n/simulation';
import { channelKindOptions, priorityOptions, userOptions } from '../inspector/workspace-options';
import { formatMoment, namesOf } from './names';
import { channelOptions, contactOptions } from './options';
import {
  freshId,
  removeContact,
  removeConversation,
  removeTicket,
  upsertContact,
  upsertConversation,
  upsertTicket,
  usedIds,
} from './scenario-edit';
import { TimeField } from './TimeField';
import { useDraft } from './use-draft';

type Editing = { kind: 'contact'; value: Contact } | { kind: 'conversation'; value: Conversation } | { kind: 'ticket'; value: Ticket } | null;

/**
 * The help desk before the first event: extra contacts, conversations (with their channel history,
 * threads and messages) and tickets. Each is edited in a form and saved whole; ids are generated.
 */
export function InitialStateEditor({
  workspace,
  scenario,
  onChange,
  readOnly,
}: {
  workspace: Workspace;
  scenario: Scenario;
  onChange: (next: Scenario) => void;
  readOnly?: boolean;
}) {
  const { t, lang } = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const names = useMemo(() => namesOf(workspace, [], scenario, t), [workspace, scenario, t]);
  const init = scenario.initial;
  const taken = () => new Set([...usedIds(scenario), ...workspace.contacts.map((c) => c.id), ...init.contacts.map((c) => c.id)]);

  const newConversation = (): Conversation => {
    const ids = taken();
    const id = freshId('conv', ids);
    const threadId = freshId('thread', new Set([...ids, id]));
    return {
      id,
      contactId: workspace.contacts[0]?.id ?? init.contacts[0]?.id ?? '',
      ownerId: null,
      status: 'open',
      channelHistory: [workspace.channels[0]?.id ?? ''],
      threads: [{ id: threadId, messages: [{ id: `${threadId}-m1`, direction: 'in', at: scenario.start, text: '' }] }],
      startedAt: scenario.start,
      ticketId: null,
    };
  };
  const newTicket = (): Ticket => {
    const pipeline = workspace.pipelines[0]!;
    return {
      // Not "ticket-N": the engine numbers the tickets it creates that way, and a clash would shift them.
      id: freshId('existing-ticket', taken()),
      subject: '',
      pipelineId: pipeline.id,
      statusId: pipeline.statuses[0]!.id,
      ownerId: null,
      priority: workspace.defaultPriority,
      contactId: workspace.contacts[0]?.id ?? null,
      source: null,
      conversationId: null,
      threadId: null,
      createdAt: scenario.start,
      closedAt: null,
      reopened: false,
    };
  };
  const save = (next: Scenario) => {
    onChange(next);
    setEditing(null);
  };

  const close = () => setEditing(null);
  return (
    <section className="tf-sim-initial" aria-labelledby="tf-sim-initial-title">
      <h3 id="tf-sim-initial-title" className="tf-sim-subheading">
        {t('sim.initial')}
      </h3>
      <p className="tf-field__hint">{t('sim.initial.hint')}</p>
      <ItemSection
        title={t('sim.initial.contacts', { count: init.contacts.length })}
        items={init.contacts}
        describe={(c) => `${c.name} <${c.email}>`}
        name={(c) => c.name}
        onEdit={(c) => setEditing({ kind: 'contact', value: c })}
        onDelete={(c) => onChange(removeContact(scenario, c.id))}
        addLabel={t('sim.initial.addContact')}
        onAdd={() => setEditing({ kind: 'contact', value: { id: freshId('contact', taken()), name: '', email: '' } })}
        readOnly={readOnly}
      >
        {editing?.kind === 'contact' && <ContactForm value={editing.value} onSave={(c) => save(upsertContact(scenario, c))} onCancel={close} />}
      </ItemSection>
      <ItemSection
        title={t('sim.initial.conversations', { count: init.conversations.length })}
        items={init.conversations}
        describe={(c) =>
          t('sim.initial.conversation', {
            id: c.id,
            contact: names.contact(c.contactId),
            channel: names.channel(c.channelHistory[c.channelHistory.length - 1] ?? null),
            state: t(`common.category.${c.status}`),
            ticket: c.ticketId ?? t('sim.none'),
          })
        }
        name={(c) => c.id}
        onEdit={(c) => setEditing({ kind: 'conversation', value: c })}
        onDelete={(c) => onChange(removeConversation(scenario, c.id))}
        addLabel={t('sim.initial.addConversation')}
        onAdd={() => setEditing({ kind: 'conversation', value: newConversation() })}
        readOnly={readOnly}
      >
        {editing?.kind === 'conversation' && (
          <ConversationForm workspace={workspace} scenario={scenario} value={editing.value} onSave={(c) => save(upsertConversation(scenario, c))} onCancel={close} />
        )}
      </ItemSection>
      <ItemSection
        title={t('sim.initial.tickets', { count: init.tickets.length })}
        items={init.tickets}
        describe={(x) =>
          t('sim.initial.ticket', { id: x.id, subject: x.subject, status: names.status(x.statusId, x.pipelineId), created: formatMoment(x.createdAt, lang) })
        }
        name={(x) => x.id}
        onEdit={(x) => setEditing({ kind: 'ticket', value: x })}
        onDelete={(x) => onChange(removeTicket(scenario, x.id))}
        addLabel={t('sim.initial.addTicket')}
        onAdd={() => setEditing({ kind: 'ticket', value: newTicket() })}
        readOnly={readOnly}
      >
        {editing?.kind === 'ticket' && (
          <TicketForm workspace={workspace} scenario={scenario} value={editing.value} onSave={(x) => save(upsertTicket(scenario, x))} onCancel={close} />
        )}
      </ItemSection>
    </section>
  );
}

/** One kind of initial item: its list with edit and delete buttons, the open form, and the add button. */
function ItemSection<T extends { id: string }>({
  title,
  items,
  describe,
  name,
  onEdit,
  onDelete,
  addLabel,
  onAdd,
  readOnly,
  children,
}: {
  title: string;
  items: readonly T[];
  describe: (item: T) => string;
  name: (item: T) => string;
  onEdit: (item: T) => void;
  onDelete: (item: T) => void;
  addLabel: string;
  onAdd: () => void;
  readOnly?: boolean;
  /** The form being edited, if it belongs here. */
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <>
      <h4 className="tf-sim-minor">{title}</h4>
      <ul className="tf-sim-list">
        {items.map((item) => (
          <li key={item.id}>
            <span>{describe(item)}</span>
            {!readOnly && (
              <span className="tf-sim-list__buttons">
                <IconButton icon={Pencil} label={t('sim.initial.edit', { name: name(item) })} onClick={() => onEdit(item)} />
                <IconButton icon={Trash2} variant="danger" label={t('sim.initial.delete', { name: name(item) })} onClick={() => onDelete(item)} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {children}
      {!readOnly && <AddButton label={addLabel} onClick={onAdd} />}
    </>
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="tf-button" onClick={onClick}>
      <Plus size={16} aria-hidden />
      {label}
    </button>
  );
}

/** Save and cancel of a draft form; save only when the draft is valid. */
function FormButtons({ canSave, onCancel }: { canSave: boolean; onCancel: () => void }) {
  const { t } = useT();
  return (
    <div className="tf-sim-form__buttons">
      <button type="submit" className="tf-button tf-button--primary" disabled={!canSave}>
        {t('sim.form.save')}
      </button>
      <button type="button" className="tf-button" onClick={onCancel}>
        {t('sim.form.cancel')}
      </button>
    </div>
  );
}

function DraftForm({ label, canSave, onSubmit, onCancel, children }: { label: string; canSave: boolean; onSubmit: () => void; onCancel: () => void; children: ReactNode }) {
  return (
    <form
      className="tf-sim-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSubmit();
      }}
    >
      {children}
      <FormButtons canSave={canSave} onCancel={onCancel} />
    </form>
  );
}

function ContactForm({ value, onSave, onCancel }: Omit<InitialFormProps<Contact>, 'workspace' | 'scenario'>) {
  const { t } = useT();
  const { draft, setDraft, problems, canSave } = useDraft(ContactSchema, value);
  return (
    <DraftForm label={t('sim.initial.contactForm')} canSave={canSave} onSubmit={() => onSave(draft)} onCancel={onCancel}>
      <TextField label={t('sim.initial.name')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} problem={problemAt(problems, '/name')} />
      <TextField label={t('sim.initial.email')} value={draft.email} onChange={(email) => setDraft({ ...draft, email })} problem={problemAt(problems, '/email')} />
    </DraftForm>
  );
}

/** What each form of the initial state gets: the value to edit and where it lives. */
interface InitialFormProps<T> {
  workspace: Workspace;
  scenario: Scenario;
  value: T;
  onSave: (value: T) => void;
  onCancel: () => void;
}

function ConversationForm({ workspace, scenario, value, onSave, onCancel }: InitialFormProps<Conversation>) {
  const { t } = useT();
  const { draft, setDraft, problems, reportTime, canSave } = useDraft(ConversationSchema, value);
  const channels = channelOptions(workspace, t);
  const setThread = (i: number, messages: Message[]) =>
    setDraft({ ...draft, threads: draft.threads.map((th, k) => (k === i ? { ...th, messages } : th)) });
  const taken = () => new Set([...usedIds(scenario), ...draft.threads.map((th) => th.id)]);

  return (
    <DraftForm label={t('sim.initial.conversationForm', { id: draft.id })} canSave={canSave} onSubmit={() => onSave(draft)} onCancel={onCancel}>
      <SelectField
        label={t('sim.form.contact')}
        value={draft.contactId || null}
        options={contactOptions(workspace, scenario)}
        onChange={(contactId) => setDraft({ ...draft, contactId: contactId ?? '' })}
        problem={problemAt(problems, '/contactId')}
      />
      <SelectField
        label={t('sim.form.owner')}
        value={draft.ownerId}
        options={userOptions(workspace, t)}
        placeholder={t('sim.unassigned')}
        onChange={(ownerId) => setDraft({ ...draft, ownerId })}
      />
      <RadioGroup
        legend={t('sim.initial.state')}
        value={draft.status}
        options={[
          { value: 'open', label: t('common.category.open') },
          { value: 'closed', label: t('common.category.closed') },
        ]}
        onChange={(s) => setDraft({ ...draft, status: s === 'closed' ? 'closed' : 'open' })}
      />
      <TimeField
        label={t('sim.initial.startedAt')}
        value={draft.startedAt}
        onChange={(at) => {
          reportTime('start', at !== null);
          if (at) setDraft({ ...draft, startedAt: at });
        }}
      />
      <fieldset className="tf-sim-fieldset">
        <legend className="tf-field__label">{t('sim.initial.channels')}</legend>
        <p className="tf-field__hint">{t('sim.initial.channels.hint')}</p>
        {draft.channelHistory.map((id, i) => (
          <div key={i} className="tf-sim-inline">
            <SelectField
              label={t(i === 0 ? 'sim.initial.channel.first' : 'sim.initial.channel.then', { n: i + 1 })}
              value={id || null}
              options={channels}
              onChange={(c) => setDraft({ ...draft, channelHistory: draft.channelHistory.map((x, k) => (k === i ? (c ?? '') : x)) })}
              problem={problemAt(problems, `/channelHistory/${i}`)}
            />
            {draft.channelHistory.length > 1 && (
              <IconButton
                icon={Trash2}
                label={t('sim.initial.channel.remove', { n: i + 1 })}
                onClick={() => setDraft({ ...draft, channelHistory: draft.channelHistory.filter((_, k) => k !== i) })}
              />
            )}
          </div>
        ))}
        <AddButton
          label={t('sim.initial.channel.add')}
          onClick={() => setDraft({ ...draft, channelHistory: [...draft.channelHistory, workspace.channels[0]?.id ?? ''] })}
        />
      </fieldset>
      {draft.threads.map((th, i) => (
        <fieldset key={th.id} className="tf-sim-fieldset">
          <legend className="tf-field__label">{t('sim.initial.thread', { id: th.id })}</legend>
          {th.messages.map((m, k) => (
            <MessageFields
              key={m.id}
              message={m}
              n={k + 1}
              problems={problems}
              pointer={`/threads/${i}/messages/${k}`}
              onTime={(ok) => reportTime(`${th.id}/${m.id}`, ok)}
              onChange={(next) => setThread(i, th.messages.map((x, j) => (j === k ? next : x)))}
              onDelete={th.messages.length > 1 ? () => setThread(i, th.messages.filter((_, j) => j !== k)) : undefined}
            />
          ))}
          <AddButton
            label={t('sim.initial.message.add')}
            onClick={() => {
              const last = th.messages[th.messages.length - 1];
              setThread(i, [...th.messages, { id: `${th.id}-m${th.messages.length + 1}`, direction: 'in', at: last?.at ?? draft.startedAt, text: '' }]);
            }}
          />
          {draft.threads.length > 1 && (
            <button type="button" className="tf-button tf-button--danger" onClick={() => setDraft({ ...draft, threads: draft.threads.filter((_, k) => k !== i) })}>
              {t('sim.initial.thread.remove', { id: th.id })}
            </button>
          )}
        </fieldset>
      ))}
      <AddButton
        label={t('sim.initial.thread.add')}
        onClick={() => {
          const id = freshId('thread', taken());
          setDraft({ ...draft, threads: [...draft.threads, { id, messages: [{ id: `${id}-m1`, direction: 'in', at: draft.startedAt, text: '' }] }] });
        }}
      />
    </DraftForm>
  );
}

function MessageFields({
  message,
  n,
  problems,
  pointer,
  onTime,
  onChange,
  onDelete,
}: {
  message: Message;
  n: number;
  problems: FieldProblem[];
  pointer: string;
  onTime: (ok: boolean) => void;
  onChange: (m: Message) => void;
  onDelete?: () => void;
}) {
  const { t } = useT();
  return (
    <div className="tf-sim-message" role="group" aria-label={t('sim.initial.message', { n })}>
      <SelectField
        label={t('sim.initial.message.direction')}
        value={message.direction === 'in' ? 'in' : message.from === 'contact' ? 'out-contact' : 'out-ticket'}
        options={[
          { value: 'in', label: t('sim.initial.message.in') },
          { value: 'out-ticket', label: t('sim.initial.message.outTicket') },
          { value: 'out-contact', label: t('sim.initial.message.outContact') },
        ]}
        onChange={(v) => {
          const { from: _from, ...rest } = message;
          onChange(v === 'in' ? { ...rest, direction: 'in' } : { ...rest, direction: 'out', from: v === 'out-contact' ? 'contact' : 'ticket' });
        }}
      />
      <TimeField
        label={t('sim.initial.message.at')}
        value={message.at}
        onChange={(at) => {
          onTime(at !== null);
          if (at) onChange({ ...message, at });
        }}
      />
      <TextAreaField
        label={t('sim.form.text')}
        rows={2}
        value={message.text}
        onChange={(text) => onChange({ ...message, text })}
        problem={problemAt(problems, `${pointer}/text`)}
      />
      {onDelete && <IconButton icon={Trash2} label={t('sim.initial.message.remove', { n })} onClick={onDelete} />}
    </div>
  );
}

function TicketForm({ workspace, scenario, value, onSave, onCancel }: InitialFormProps<Ticket>) {
  const { t } = useT();
  const { draft, setDraft, problems, reportTime, canSave } = useDraft(TicketSchema, value);
  const pipeline = workspace.pipelines.find((p) => p.id === draft.pipelineId) ?? workspace.pipelines[0]!;
  const status = pipeline.statuses.find((s) => s.id === draft.statusId);
  const conversation = scenario.initial.conversations.find((c) => c.id === draft.conversationId);
  const setStatus = (statusId: string) => {
    const closed = pipeline.statuses.find((s) => s.id === statusId)?.category === 'closed';
    setDraft({ ...draft, statusId, closedAt: closed ? (draft.closedAt ?? draft.createdAt) : null });
  };
  return (
    <DraftForm label={t('sim.initial.ticketForm', { id: draft.id })} canSave={canSave} onSubmit={() => onSave(draft)} onCancel={onCancel}>
      <TextField label={t('sim.form.subject')} value={draft.subject} onChange={(subject) => setDraft({ ...draft, subject })} problem={problemAt(problems, '/subject')} />
      {workspace.pipelines.length > 1 && (
        <SelectField
          label={t('sim.initial.pipeline')}
          value={draft.pipelineId}
          options={workspace.pipelines.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id) => {
            const next = workspace.pipelines.find((p) => p.id === id);
            if (next) setDraft({ ...draft, pipelineId: next.id, statusId: next.statuses[0]!.id, closedAt: null });
          }}
        />
      )}
      <SelectField
        label={t('sim.form.status')}
        value={draft.statusId}
        options={pipeline.statuses.map((s) => ({ value: s.id, label: s.label }))}
        onChange={(id) => id && setStatus(id)}
      />
      <SelectField
        label={t('sim.form.owner')}
        value={draft.ownerId}
        options={userOptions(workspace, t)}
        placeholder={t('sim.unassigned')}
        onChange={(ownerId) => setDraft({ ...draft, ownerId })}
      />
      <SelectField
        label={t('sim.form.priority')}
        value={draft.priority}
        options={priorityOptions(t)}
        onChange={(v) => {
          const priority = PrioritySchema.safeParse(v);
          if (priority.success) setDraft({ ...draft, priority: priority.data });
        }}
      />
      <SelectField
        label={t('sim.form.contact')}
        value={draft.contactId}
        options={contactOptions(workspace, scenario)}
        placeholder={t('sim.none')}
        onChange={(contactId) => setDraft({ ...draft, contactId })}
      />
      <SelectField
        label={t('sim.initial.source')}
        value={draft.source}
        options={channelKindOptions(t)}
        placeholder={t('sim.none')}
        onChange={(v) => {
          const source = ChannelKindSchema.safeParse(v);
          setDraft({ ...draft, source: source.success ? source.data : null });
        }}
      />
      <SelectField
        label={t('sim.form.conversation')}
        value={draft.conversationId}
        options={scenario.initial.conversations.map((c) => ({ value: c.id, label: c.id }))}
        placeholder={t('sim.none')}
        hint={t('sim.initial.ticketConversation.hint')}
        onChange={(conversationId) => {
          const conv = scenario.initial.conversations.find((c) => c.id === conversationId);
          setDraft({ ...draft, conversationId, threadId: conv?.threads[0]?.id ?? null, contactId: conv?.contactId ?? draft.contactId });
        }}
      />
      {conversation && (
        <SelectField
          label={t('sim.form.thread')}
          value={draft.threadId}
          options={conversation.threads.map((th) => ({ value: th.id, label: th.id }))}
          placeholder={t('sim.none')}
          onChange={(threadId) => setDraft({ ...draft, threadId })}
        />
      )}
      <TimeField
        label={t('sim.initial.createdAt')}
        value={draft.createdAt}
        onChange={(at) => {
          reportTime('created', at !== null);
          if (at) setDraft({ ...draft, createdAt: at });
        }}
      />
      {status?.category === 'closed' && draft.closedAt !== null && (
        <TimeField
          label={t('sim.initial.closedAt')}
          value={draft.closedAt}
          onChange={(at) => {
            reportTime('closed', at !== null);
            if (at) setDraft({ ...draft, closedAt: at });
          }}
        />
      )}
      <label className="tf-check">
        <input type="checkbox" checked={draft.reopened} onChange={(e) => setDraft({ ...draft, reopened: e.target.checked })} />
        <span>{t('sim.initial.reopened')}</span>
      </label>
    </DraftForm>
  );
}
