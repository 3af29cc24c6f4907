import { X } from 'lucide-react';
import { useCallback, useId, useMemo, type ComponentType, type ReactNode } from 'react';
import { definitionOf, type Action, type ActionKind, type Translate } from '../../actions';
import type { Enrollment, Workflow, Workspace } from '../../model';
import { IconButton } from '../common/IconButton';
import { problemAt } from '../common/problems';
import { TextAreaField, TextField } from '../common/TextField';
import { useT } from '../i18n';
import { BranchForm } from './BranchForm';
import { DelayUntilDateForm } from './DelayUntilDateForm';
import { DelayUntilEventForm } from './DelayUntilEventForm';
import { ValueBranchForm } from './ValueBranchForm';
import { DelayForm } from './DelayForm';
import { EnrollmentForm } from './EnrollmentForm';
import { GotoForm } from './GotoForm';
import { NotifyForm } from './NotifyForm';
import { SendEmailForm } from './SendEmailForm';
import { SessionForm } from './SessionForm';
import { SetPropertyForm } from './SetPropertyForm';
import { SetStatusForm } from './SetStatusForm';
import type { ActionFormProps } from './types';
import { useEditSession, type DraftKeeping } from './use-edit-session';
import { actionProblems, enrollmentProblems, metaProblems, type WorkflowMeta } from './validation';
import { WebhookForm } from './WebhookForm';
import './Inspector.css';

export type { WorkflowMeta } from './validation';

/**
 * What the side panel shows: the workflow's name and description, its enrollment (the trigger
 * card), or one action. The store's canvas Selection is a subset and can be passed as it is.
 */
export type InspectorSelection = { kind: 'workflow' } | { kind: 'trigger' } | { kind: 'action'; id: string };

/** Props of the Inspector (the settings side panel, SPEC §3). */
export interface InspectorProps {
  /** The help desk whose statuses, users, teams and templates the forms offer. */
  workspace: Workspace;
  /** The open workflow (its saved state). */
  workflow: Workflow;
  /** What to edit; null renders nothing. */
  selection: InspectorSelection | null;
  /** Review mode: every field is shown disabled, without Save / Cancel. */
  readOnly: boolean;
  /** Saves the edited enrollment (triggers, filters, re-enrollment, unenrollment) as a whole. */
  onChangeEnrollment: (enrollment: Enrollment) => void;
  /** Saves the workflow's name (trimmed, valid) and description (absent when empty). */
  onChangeWorkflowMeta: (meta: WorkflowMeta) => void;
  /**
   * Saves an action: always a whole Action that passes its kind's schema, same id and kind as the
   * selected one, links as they were (a branch's path links travel with their reordered paths).
   * It may still be a placeholder (definitionOf(action).missing non-empty). Apply with updateAction.
   */
  onChangeAction: (action: Action) => void;
  /**
   * [S-reenroll] The user accepted the advice: clone the workflow with this (draft) enrollment,
   * then delete the old workflow.
   */
  onCloneAndDelete: (enrollment: Enrollment) => void;
  /**
   * [S-reenroll] The live revision's enrollment when it has had enrolled tickets, else null (absent:
   * null). The enrollment form warns only against it: never on a new workflow or one nothing enrolled in.
   */
  enrolledLive?: Enrollment | null;
  /** The workflow is a built-in status update shown as one: driven by emails, the chat exclusion is not said. */
  builtIn?: boolean;
  /** Closes the panel (the close button, or Escape with no edits pending); unsaved edits are dropped. */
  onClose: () => void;
  /** Told whether the open form has unsaved edits (e.g. to confirm before changing the selection). */
  onDirtyChange?: (dirty: boolean) => void;
  /** Called after Save, Cancel or Escape in the form (to give focus back to the bubble). */
  onDone?: () => void;
  /** An unsaved draft kept from an earlier form (before a switch of tab or a reload), by session key. */
  draft?: KeptDraft | null;
  /** Told the open form's unsaved draft under its session key, and null once there is none. */
  onDraftChange?: (key: string, value: unknown) => void;
}

/** An unsaved inspector draft kept outside the form: the session it belongs to and its value. */
export interface KeptDraft {
  key: string;
  value: unknown;
}

type Forms = { [K in ActionKind]: ComponentType<ActionFormProps<Extract<Action, { kind: K }>>> };

/** One form per action kind. */
const ACTION_FORMS: Forms = {
  sendEmail: SendEmailForm,
  notify: NotifyForm,
  setStatus: SetStatusForm,
  setProperty: SetPropertyForm,
  delay: DelayForm,
  delayUntilDate: DelayUntilDateForm,
  delayUntilEvent: DelayUntilEventForm,
  branch: BranchForm,
  valueBranch: ValueBranchForm,
  goto: GotoForm,
  webhook: WebhookForm,
};

type PanelProps = Omit<InspectorProps, 'selection' | 'draft' | 'onDraftChange'> & { keeping: DraftKeeping<unknown> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A kept draft, when it still fits what the panel edits (the same action id and kind, an enrollment, a name). */
function fitting<T>(keeping: DraftKeeping<unknown>, fits: (v: Record<string, unknown>) => boolean): DraftKeeping<T> {
  const initial = keeping.initial;
  return isObject(initial) && fits(initial) ? (keeping as DraftKeeping<T>) : { onDraft: keeping.onDraft as (d: T | null) => void };
}

function ActionPanel({ action, ...p }: PanelProps & { action: Action }) {
  const { workspace, workflow, onChangeAction } = p;
  const validate = useCallback((draft: Action) => actionProblems(draft, workspace), [workspace]);
  const keeping = useMemo(() => fitting<Action>(p.keeping, (v) => v.id === action.id && v.kind === action.kind), [p.keeping, action.id, action.kind]);
  const session = useEditSession(action, validate, onChangeAction, keeping);
  const Form = ACTION_FORMS[action.kind] as ComponentType<ActionFormProps<Action>>;
  return (
    <SessionForm session={session} readOnly={p.readOnly} onClose={p.onClose} onDirtyChange={p.onDirtyChange} onDone={p.onDone}>
      <Form draft={session.draft} onChange={session.update} problems={session.problems} workspace={workspace} workflow={workflow} />
    </SessionForm>
  );
}

function EnrollmentPanel(p: PanelProps) {
  const { workspace } = p;
  const validate = useCallback((draft: Enrollment) => enrollmentProblems(draft, workspace), [workspace]);
  const keeping = useMemo(() => fitting<Enrollment>(p.keeping, (v) => Array.isArray(v.triggers) && Array.isArray(v.filters)), [p.keeping]);
  const session = useEditSession(p.workflow.enrollment, validate, p.onChangeEnrollment, keeping);
  return (
    <SessionForm session={session} readOnly={p.readOnly} onClose={p.onClose} onDirtyChange={p.onDirtyChange} onDone={p.onDone}>
      <EnrollmentForm
        session={session}
        workflow={p.workflow}
        workspace={workspace}
        readOnly={p.readOnly}
        enrolledLive={p.enrolledLive ?? null}
        chatRule={!p.builtIn}
        onCloneAndDelete={p.onCloneAndDelete}
      />
    </SessionForm>
  );
}

/** The saved meta as the form edits it: the description as text ('' for none). */
function metaOf(name: string, description: string | undefined): WorkflowMeta {
  return { name, description: description ?? '' };
}

function WorkflowPanel(p: PanelProps) {
  const { t } = useT();
  const { workflow, onChangeWorkflowMeta } = p;
  // A new object only when the name or description changes: other edits of the workflow are no edits of these.
  const saved = useMemo(() => metaOf(workflow.name, workflow.description), [workflow.name, workflow.description]);
  const save = useCallback(
    (draft: WorkflowMeta) => {
      const name = draft.name.trim();
      const description = draft.description?.trim();
      onChangeWorkflowMeta(description ? { name, description } : { name });
    },
    [onChangeWorkflowMeta],
  );
  const keeping = useMemo(() => fitting<WorkflowMeta>(p.keeping, (v) => typeof v.name === 'string'), [p.keeping]);
  const session = useEditSession(saved, metaProblems, save, keeping);
  const { draft, problems, update } = session;
  return (
    <SessionForm session={session} readOnly={p.readOnly} onClose={p.onClose} onDirtyChange={p.onDirtyChange} onDone={p.onDone}>
      <TextField
        label={t('inspector.workflow.name')}
        value={draft.name}
        onChange={(name) => update({ ...draft, name })}
        problem={problemAt(problems, '/name')}
      />
      <TextAreaField
        label={t('inspector.workflow.description')}
        value={draft.description ?? ''}
        onChange={(description) => update({ ...draft, description })}
        problem={problemAt(problems, '/description')}
      />
    </SessionForm>
  );
}

/** What the panel's header says, and the form below it. */
function panelFor(selection: InspectorSelection, p: PanelProps, t: Translate): { title: string; subtitle?: string; body: ReactNode } {
  if (selection.kind === 'workflow') return { title: t('inspector.workflow.title'), body: <WorkflowPanel {...p} /> };
  if (selection.kind === 'trigger') return { title: t('inspector.enrollment.title'), body: <EnrollmentPanel {...p} /> };
  const action = p.workflow.actions.find((a) => a.id === selection.id);
  if (!action) {
    return {
      title: t('inspector.action.gone.title'),
      body: <p className="tf-field__hint">{t('inspector.action.gone', { id: selection.id })}</p>,
    };
  }
  return {
    title: t(`kind.${action.kind}`),
    subtitle: t('inspector.action.subtitle', { summary: definitionOf(action).summary(action, p.workspace, t), id: action.id }),
    body: <ActionPanel {...p} action={action} />,
  };
}

/** Identifies what is edited: a new identity starts a new edit session (and names its kept draft). */
export function sessionKey(workflowId: string, s: InspectorSelection): string {
  return s.kind === 'action' ? `${workflowId}/action/${s.id}` : `${workflowId}/${s.kind}`;
}

/**
 * The settings side panel (SPEC §3): the form for the selected workflow settings, enrollment or
 * action, edited as a session — changes reach the callbacks only on Save, and only when valid.
 */
export function Inspector({ selection, draft, onDraftChange, ...rest }: InspectorProps) {
  const { t } = useT();
  const titleId = useId();
  const key = selection ? sessionKey(rest.workflow.id, selection) : '';
  const onDraft = useCallback((value: unknown) => onDraftChange?.(key, value), [onDraftChange, key]);
  // The kept draft is read once per session: it seeds the form, which keeps it from then on.
  const keeping = useMemo<DraftKeeping<unknown>>(() => ({ initial: draft?.key === key ? draft.value : undefined, onDraft }), [key, onDraft]);
  if (!selection) return null;
  const p: PanelProps = { ...rest, keeping };
  const { title, subtitle, body } = panelFor(selection, p, t);
  return (
    <aside className="tf-inspector" aria-labelledby={titleId}>
      <header className="tf-inspector__header">
        <div className="tf-inspector__titles">
          <h2 id={titleId} className="tf-inspector__title">
            {title}
          </h2>
          {subtitle && <p className="tf-inspector__subtitle">{subtitle}</p>}
        </div>
        <IconButton icon={X} label={t('inspector.close')} onClick={p.onClose} />
      </header>
      {p.readOnly && <p className="tf-inspector__readonly">{t('inspector.readOnly')}</p>}
      <div className="tf-inspector__body" key={key}>
        {body}
      </div>
    </aside>
  );
}
