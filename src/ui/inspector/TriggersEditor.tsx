import { Plus, X } from 'lucide-react';
import { useState } from 'react';
import { TriggerSchema, type Trigger, type TriggerType, type Workspace } from '../../model';
import { CheckboxGroup } from '../common/CheckboxGroup';
import { ProblemText } from '../common/Field';
import { IconButton } from '../common/IconButton';
import { problemAt, type FieldProblem } from '../common/problems';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import { channelKindOptions, statusOptions } from './workspace-options';

/** Trigger types in the order the "add" select lists them. */
const TRIGGER_TYPES = TriggerSchema.options.map((o) => o.shape.type.value) as TriggerType[];

/** Triggers without settings: a second one of the same type would add nothing. */
const SETTINGLESS: readonly TriggerType[] = ['ticketCreated', 'emailSentFromTicket', 'contactReplied'];

/** The most triggers an enrollment may have (the schema's limit). */
const MAX_TRIGGERS = 20;

/** A new trigger of a type, with nothing chosen that the user has to choose. */
function newTrigger(type: TriggerType): Trigger {
  switch (type) {
    case 'statusChanged':
      return { type, toStatusId: null };
    case 'conversationStarted':
      return { type, channelKinds: [] };
    case 'propertyChanged':
      return { type, property: 'owner' };
    case 'slaDuePassed':
      return { type, target: 'firstResponse' };
    default:
      return { type };
  }
}

function TriggerSettings({
  trigger: tr,
  at,
  workspace,
  problems,
  onChange,
}: {
  trigger: Trigger;
  at: string;
  workspace: Workspace;
  problems: readonly FieldProblem[];
  onChange: (t: Trigger) => void;
}) {
  const { t } = useT();
  switch (tr.type) {
    case 'statusChanged': {
      const { fromStatusId: _omitted, ...withoutFrom } = tr;
      return (
        <>
          <SelectField
            label={t('inspector.trigger.toStatus')}
            value={tr.toStatusId}
            options={statusOptions(workspace)}
            placeholder={t('inspector.setStatus.choose')}
            onChange={(toStatusId) => onChange({ ...tr, toStatusId })}
            problem={problemAt(problems, `${at}/toStatusId`)}
          />
          <SelectField
            label={t('inspector.trigger.fromStatus')}
            value={tr.fromStatusId ?? null}
            options={statusOptions(workspace)}
            placeholder={t('inspector.trigger.anyStatus')}
            onChange={(fromStatusId) => onChange(fromStatusId ? { ...tr, fromStatusId } : withoutFrom)}
            problem={problemAt(problems, `${at}/fromStatusId`)}
          />
        </>
      );
    }
    case 'conversationStarted':
      return (
        <CheckboxGroup
          legend={t('inspector.trigger.channelKinds')}
          inline
          value={tr.channelKinds}
          options={channelKindOptions(t)}
          onChange={(kinds) => onChange({ ...tr, channelKinds: kinds as typeof tr.channelKinds })}
          hint={t('inspector.trigger.channelKindsHint')}
          problem={problemAt(problems, `${at}/channelKinds`)}
        />
      );
    case 'propertyChanged':
      return (
        <SelectField
          label={t('inspector.trigger.property')}
          value={tr.property}
          options={(['owner', 'priority', 'subject'] as const).map((p) => ({ value: p, label: t(`inspector.setProperty.${p}`) }))}
          onChange={(p) => p && onChange({ ...tr, property: p as typeof tr.property })}
        />
      );
    case 'slaDuePassed':
      return (
        <SelectField
          label={t('inspector.trigger.slaTarget')}
          value={tr.target}
          options={(['firstResponse', 'close'] as const).map((x) => ({ value: x, label: t(`inspector.trigger.sla.${x}`) }))}
          onChange={(x) => x && onChange({ ...tr, target: x as typeof tr.target })}
        />
      );
    default:
      return null;
  }
}

/** The enrollment triggers: any one of them enrolls a ticket. Add, remove and set each one up. */
export function TriggersEditor({
  triggers,
  workspace,
  problems,
  onChange,
}: {
  triggers: readonly Trigger[];
  workspace: Workspace;
  problems: readonly FieldProblem[];
  onChange: (triggers: Trigger[]) => void;
}) {
  const { t } = useT();
  const addable = TRIGGER_TYPES.filter((type) => !(SETTINGLESS.includes(type) && triggers.some((x) => x.type === type)));
  const [toAdd, setToAdd] = useState<TriggerType | null>(null);
  const chosen = toAdd && addable.includes(toAdd) ? toAdd : null;
  const none = problemAt(problems, '/triggers');
  return (
    <fieldset className="tf-group">
      <legend className="tf-field__label">{t('inspector.triggers.title')}</legend>
      <p className="tf-field__hint">{t('inspector.triggers.any')}</p>
      <ol className="tf-enroll-triggers">
        {triggers.map((tr, i) => {
          const name = t(`inspector.trigger.${tr.type}`);
          return (
            <li key={i} className="tf-enroll-trigger">
              <section aria-label={t('inspector.trigger.numbered', { n: i + 1, name })}>
                <div className="tf-enroll-trigger__head">
                  <span className="tf-enroll-trigger__name">{name}</span>
                  <IconButton
                    icon={X}
                    variant="danger"
                    label={t('inspector.trigger.remove', { name })}
                    onClick={() => onChange(triggers.filter((_, j) => j !== i))}
                  />
                </div>
                <TriggerSettings
                  trigger={tr}
                  at={`/triggers/${i}`}
                  workspace={workspace}
                  problems={problems}
                  onChange={(next) => onChange(triggers.map((x, j) => (j === i ? next : x)))}
                />
              </section>
            </li>
          );
        })}
      </ol>
      {none && <ProblemText problem={none} />}
      <div className="tf-row tf-row--end">
        <SelectField
          label={t('inspector.triggers.addLabel')}
          value={chosen}
          options={addable.map((type) => ({ value: type, label: t(`inspector.trigger.${type}`) }))}
          placeholder={t('inspector.triggers.choose')}
          onChange={(v) => setToAdd(v as TriggerType | null)}
        />
        <button
          type="button"
          className="tf-button"
          disabled={!chosen || triggers.length >= MAX_TRIGGERS}
          onClick={() => {
            if (!chosen) return;
            onChange([...triggers, newTrigger(chosen)]);
            setToAdd(null);
          }}
        >
          <Plus size={14} aria-hidden />
          {t('inspector.triggers.add')}
        </button>
      </div>
    </fieldset>
  );
}
