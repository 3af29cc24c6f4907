import { ArrowDown, ArrowRightLeft, ArrowUp, Pencil, Play, Plus, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { SimulationError } from '../../engine';
import type { Scenario, ScenarioEventType, Workspace } from '../../model';
import { IconButton } from '../common/IconButton';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import '../i18n/simulation';
import { ChannelMoveDialog, type MoveEvent } from './ChannelMoveDialog';
import { describeScenarioEvent } from './event-text';
import { EventForm, type FormEvent } from './EventForm';
import { formatMoment, namesOf } from './names';
import { addEvent, defaultEvent, EVENT_TYPES, lastMoment, moveEvent, removeEvent, replaceEvent, timelineShape } from './scenario-edit';
import { worldBefore } from './world-before';

type Editing =
  | { kind: 'event'; index: number; event: FormEvent; isNew: boolean }
  | { kind: 'move'; index: number | null }
  | null;

/** Events listed at a time: an imported scenario may hold far more than a list can show at once. */
const PAGE = 200;

const FORM_TYPES = EVENT_TYPES.filter((x): x is Exclude<ScenarioEventType, 'moveChannel'> => x !== 'moveChannel');

/**
 * The scenario's events in time order, each with its summary, its problems from the last run, and
 * buttons to edit, reorder, delete or run up to it; new events are added with a form (or, for a
 * channel move, with the guided dialog).
 */
export function Timeline({
  workspace,
  scenario,
  onChange,
  onRunThrough,
  onMoveAdded,
  errorsByEvent,
  readOnly,
}: {
  workspace: Workspace;
  scenario: Scenario;
  onChange: (next: Scenario) => void;
  /** Steps the simulation until the event at this index has happened. */
  onRunThrough: (index: number) => void;
  /** A channel move was added or changed; `run` asks to run up to it. */
  onMoveAdded?: (next: Scenario, index: number, run: boolean) => void;
  errorsByEvent: ReadonlyMap<number, SimulationError[]>;
  readOnly?: boolean;
}) {
  const { t, lang } = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const [shown, setShown] = useState(PAGE);
  const [newType, setNewType] = useState<Exclude<ScenarioEventType, 'moveChannel'>>('incomingMessage');
  const names = useMemo(() => namesOf(workspace, [], scenario, t), [workspace, scenario, t]);
  const shapes = useMemo(() => timelineShape(scenario), [scenario]);
  const events = scenario.events;

  const startNew = () => {
    const at = lastMoment(scenario);
    const index = events.length;
    const world = worldBefore(workspace, scenario, index, at);
    setEditing({ kind: 'event', index, event: defaultEvent(newType, { workspace, scenario, world, at }) as FormEvent, isNew: true });
  };
  const saveEvent = (index: number, isNew: boolean, event: FormEvent) => {
    onChange(isNew ? addEvent(scenario, event, index) : replaceEvent(scenario, index, event));
    setEditing(null);
  };
  const moveConfirmed = (next: Scenario, index: number, run: boolean) => {
    setEditing(null);
    if (onMoveAdded) onMoveAdded(next, index, run);
    else onChange(next);
  };

  return (
    <section className="tf-sim-timeline" aria-labelledby="tf-sim-timeline-title">
      <h3 id="tf-sim-timeline-title" className="tf-sim-subheading">
        {t('sim.timeline', { count: events.length })}
      </h3>
      {events.length === 0 && <p className="tf-empty">{t('sim.timeline.empty')}</p>}
      <ol className="tf-sim-timeline__list">
        {events.slice(0, shown).map((e, i) => {
          const errors = errorsByEvent.get(i) ?? [];
          const editingThis = editing?.kind === 'event' && !editing.isNew && editing.index === i;
          return (
            <li key={i} className="tf-sim-timeline__item" data-invalid={errors.length > 0 || undefined}>
              <div className="tf-sim-timeline__row">
                <span className="tf-sim-timeline__at">{formatMoment(e.at, lang)}</span>
                <span className="tf-sim-timeline__text">{describeScenarioEvent(e, shapes[i] ?? null, names, t)}</span>
                {!readOnly && (
                  <span className="tf-sim-timeline__buttons">
                    <IconButton
                      icon={Pencil}
                      label={t('sim.timeline.edit', { n: i + 1 })}
                      onClick={() =>
                        setEditing(e.type === 'moveChannel' ? { kind: 'move', index: i } : { kind: 'event', index: i, event: e, isNew: false })
                      }
                    />
                    <IconButton icon={ArrowUp} label={t('sim.timeline.up', { n: i + 1 })} disabled={i === 0} onClick={() => onChange(moveEvent(scenario, i, i - 1))} />
                    <IconButton
                      icon={ArrowDown}
                      label={t('sim.timeline.down', { n: i + 1 })}
                      disabled={i === events.length - 1}
                      onClick={() => onChange(moveEvent(scenario, i, i + 1))}
                    />
                    <IconButton icon={Trash2} variant="danger" label={t('sim.timeline.delete', { n: i + 1 })} onClick={() => onChange(removeEvent(scenario, i))} />
                  </span>
                )}
                <IconButton icon={Play} label={t('sim.timeline.runTo', { n: i + 1 })} onClick={() => onRunThrough(i)} />
              </div>
              {errors.map((err, k) => (
                <p key={k} className="tf-problem tf-problem--error">
                  {err.message}
                </p>
              ))}
              {editingThis && editing.kind === 'event' && (
                <EventForm
                  workspace={workspace}
                  scenario={scenario}
                  index={i}
                  event={editing.event}
                  onSave={(ev) => saveEvent(i, false, ev)}
                  onCancel={() => setEditing(null)}
                />
              )}
            </li>
          );
        })}
      </ol>
      {shown < events.length && (
        <button type="button" className="tf-button" onClick={() => setShown(shown + PAGE)}>
          {t('sim.timeline.more', { count: Math.min(PAGE, events.length - shown), total: events.length })}
        </button>
      )}
      {editing?.kind === 'event' && editing.isNew && (
        <EventForm
          workspace={workspace}
          scenario={scenario}
          index={editing.index}
          event={editing.event}
          onSave={(ev) => saveEvent(editing.index, true, ev)}
          onCancel={() => setEditing(null)}
        />
      )}
      {!readOnly && (
        <div className="tf-sim-timeline__add">
          <SelectField
            label={t('sim.timeline.newType')}
            value={newType}
            options={FORM_TYPES.map((x) => ({ value: x, label: t(`sim.event.type.${x}`) }))}
            onChange={(v) => setNewType(FORM_TYPES.find((x) => x === v) ?? 'incomingMessage')}
          />
          <button type="button" className="tf-button" onClick={startNew}>
            <Plus size={16} aria-hidden />
            {t('sim.timeline.add')}
          </button>
          <button type="button" className="tf-button" onClick={() => setEditing({ kind: 'move', index: null })}>
            <ArrowRightLeft size={16} aria-hidden />
            {t('sim.timeline.move')}
          </button>
        </div>
      )}
      {editing?.kind === 'move' && (
        <ChannelMoveDialog
          workspace={workspace}
          scenario={scenario}
          editing={editing.index === null ? undefined : { index: editing.index, event: events[editing.index] as MoveEvent }}
          onConfirm={moveConfirmed}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
