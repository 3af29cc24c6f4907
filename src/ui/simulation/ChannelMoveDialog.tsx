import { useMemo, useState } from 'react';
import { MOVABLE_KINDS, type SimulationError } from '../../engine';
import { ScenarioEventSchema, type Scenario, type ScenarioEvent, type Workspace } from '../../model';
import { Dialog } from '../canvas/Dialog';
import { problemAt } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { NumberField } from '../common/TextField';
import { useT } from '../i18n';
import '../i18n/simulation';
import { namesOf } from './names';
import { addEvent, insertionIndex, lastMoment, removeEvent } from './scenario-edit';
import { TimeField } from './TimeField';
import { useDraft } from './use-draft';
import { eventRefusal, worldBefore } from './world-before';

/** A channel move event of a scenario. */
export type MoveEvent = Extract<ScenarioEvent, { type: 'moveChannel' }>;

/** The rules of a move [S-move], listed in the dialog before anything is confirmed. */
const RULES = ['superAdmin', 'kinds', 'oneAtATime', 'irreversible', 'settings', 'newConversations', 'midMove', 'recentChannel'] as const;

/** The pipeline tickets of a channel go to. */
function pipelineOf(ws: Workspace, channelId: string) {
  const id = ws.channels.find((c) => c.id === channelId)?.pipelineId;
  return ws.pipelines.find((p) => p.id === id) ?? ws.pipelines[0]!;
}

/** A move moving all history maps Open and Closed to statuses of the channel's pipeline; missing picks get the first fitting status. */
function withMapping(ws: Workspace, move: MoveEvent): MoveEvent {
  const pipeline = pipelineOf(ws, move.channelId);
  const has = (id: string | undefined) => id !== undefined && pipeline.statuses.some((s) => s.id === id);
  return {
    ...move,
    openStatusId: has(move.openStatusId) ? move.openStatusId : pipeline.statuses.find((s) => s.category === 'open')?.id,
    closedStatusId: has(move.closedStatusId) ? move.closedStatusId : pipeline.statuses.find((s) => s.category === 'closed')?.id,
  };
}

/** Another channel chosen: the status mapping follows its pipeline. */
function withChannel(ws: Workspace, move: MoveEvent, channelId: string): MoveEvent {
  const next = { ...move, channelId };
  return next.history === 'all' ? withMapping(ws, next) : next;
}

/** How the engine refused a move, in the UI language when the code is known, with the engine's detail. */
export function RefusalText({ error }: { error: SimulationError }) {
  const { t, has } = useT();
  const key = `sim.refusal.${error.code}`;
  return (
    <div className="tf-sim-refusal" role="alert">
      <strong>{has(key) ? t(key) : t('sim.refusal.other')}</strong>
      <p>{error.message}</p>
    </div>
  );
}

/**
 * The guided dialog of a channel move inside the simulated help desk: who moves which channel, when,
 * and what happens to its historical conversations. The engine checks the move against the scenario
 * as it stands at that moment (a user who is not a super admin, a WhatsApp or Messenger chatflow,
 * another move under way, a channel that already moved), and the refusal shows before confirming.
 */
export function ChannelMoveDialog({
  workspace,
  scenario,
  editing,
  onConfirm,
  onCancel,
}: {
  workspace: Workspace;
  scenario: Scenario;
  /** The move event being changed, and its place in the timeline. */
  editing?: { index: number; event: MoveEvent };
  /** The scenario with the move in place, the move's index, and whether to run up to it now. */
  onConfirm: (next: Scenario, index: number, run: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const superAdmin = workspace.users.find((u) => u.superAdmin) ?? workspace.users[0];
  const firstMovable = workspace.channels.find((c) => c.location === 'inbox' && MOVABLE_KINDS.has(c.kind));
  const { draft, setDraft, problems, reportTime, canSave } = useDraft<MoveEvent>(
    ScenarioEventSchema,
    editing?.event ?? {
      type: 'moveChannel',
      at: lastMoment(scenario),
      userId: superAdmin?.id ?? '',
      channelId: firstMovable?.id ?? workspace.channels[0]?.id ?? '',
      history: 'none',
      durationMinutes: 30,
    },
  );
  const [understood, setUnderstood] = useState(false);
  const names = useMemo(() => namesOf(workspace, [], scenario, t), [workspace, scenario, t]);

  const base = useMemo(() => (editing ? removeEvent(scenario, editing.index) : scenario), [scenario, editing]);
  const index = insertionIndex(base, draft.at);
  const pipeline = pipelineOf(workspace, draft.channelId);
  const statusChoices = pipeline.statuses.map((s) => ({ value: s.id, label: s.label }));

  const world = useMemo(() => worldBefore(workspace, base, index, draft.at), [workspace, base, index, draft.at]);
  // The engine only judges a well-formed move; a half-typed one is flagged on its fields instead.
  const refusal = useMemo(() => (canSave ? eventRefusal(workspace, base, index, draft) : null), [workspace, base, index, draft, canSave]);
  // Which channels this user could move at this moment (choices about history and duration aside).
  const probe = useMemo<MoveEvent>(
    () => ({ type: 'moveChannel', at: draft.at, userId: draft.userId, channelId: draft.channelId, history: 'none', durationMinutes: 0 }),
    [draft.at, draft.userId, draft.channelId],
  );
  const channelRefusals = useMemo(
    () =>
      new Map(
        workspace.channels.map((c) => [
          c.id,
          eventRefusal(workspace, base, index, { ...probe, channelId: c.id }),
        ]),
      ),
    [workspace, base, index, probe],
  );
  const historical = world.conversations.filter((c) => c.channel === draft.channelId && c.location === 'inbox');
  const canConfirm = canSave && !refusal && understood;

  const setHistory = (history: string) =>
    setDraft(
      history === 'all'
        ? withMapping(workspace, { ...draft, history: 'all' })
        : { ...draft, history: 'none', openStatusId: undefined, closedStatusId: undefined },
    );
  const confirm = (run: boolean) => {
    if (!canConfirm) return;
    onConfirm(addEvent(base, draft, index), index, run);
  };

  return (
    <Dialog title={t('sim.move.title')} onCancel={onCancel}>
      <div className="tf-sim-move">
        <section aria-labelledby="tf-sim-move-rules">
          <h3 id="tf-sim-move-rules" className="tf-sim-subheading">
            {t('sim.move.rules')}
          </h3>
          <ul className="tf-sim-move__rules">
            {RULES.map((r) => (
              <li key={r}>{t(`sim.move.rule.${r}`)}</li>
            ))}
          </ul>
        </section>
        <SelectField
          label={t('sim.move.user')}
          value={draft.userId || null}
          options={workspace.users.map((u) => ({ value: u.id, label: t(u.superAdmin ? 'sim.move.user.super' : 'sim.move.user.regular', { name: u.name }) }))}
          onChange={(userId) => setDraft({ ...draft, userId: userId ?? '' })}
        />
        <SelectField
          label={t('sim.move.channel')}
          value={draft.channelId || null}
          options={workspace.channels.map((c) => ({
            value: c.id,
            label: t(channelRefusals.get(c.id) ? 'sim.move.channel.refused' : 'sim.move.channel.ok', {
              name: c.name,
              kind: t(`channelKind.${c.kind}`),
            }),
          }))}
          onChange={(channelId) => setDraft(withChannel(workspace, draft, channelId ?? ''))}
        />
        <TimeField
          label={t('sim.move.at')}
          value={draft.at}
          onChange={(at) => {
            reportTime('at', at !== null);
            if (at !== null) setDraft({ ...draft, at });
          }}
        />
        <NumberField
          label={t('sim.move.duration')}
          value={draft.durationMinutes}
          min={0}
          onChange={(durationMinutes) => setDraft({ ...draft, durationMinutes })}
          hint={t('sim.move.duration.hint')}
          problem={problemAt(problems, '/durationMinutes')}
        />
        <RadioGroup
          legend={t('sim.move.history')}
          value={draft.history}
          options={[
            { value: 'all', label: t('sim.move.history.all', { channel: names.channel(draft.channelId) }) },
            { value: 'none', label: t('sim.move.history.none') },
          ]}
          onChange={setHistory}
        />
        {draft.history === 'all' && (
          <div className="tf-sim-move__mapping">
            <SelectField
              label={t('sim.move.open')}
              value={draft.openStatusId ?? null}
              options={statusChoices}
              onChange={(id) => setDraft({ ...draft, openStatusId: id ?? undefined })}
            />
            <SelectField
              label={t('sim.move.closed')}
              value={draft.closedStatusId ?? null}
              options={statusChoices}
              onChange={(id) => setDraft({ ...draft, closedStatusId: id ?? undefined })}
            />
          </div>
        )}
        <section aria-labelledby="tf-sim-move-preview">
          <h3 id="tf-sim-move-preview" className="tf-sim-subheading">
            {t('sim.move.preview', { count: historical.length })}
          </h3>
          {draft.history === 'none' ? (
            <p className="tf-field__hint">{t('sim.move.preview.none', { count: historical.length })}</p>
          ) : (
            <ul className="tf-sim-move__preview">
              {historical.map((c) => {
                const owner = c.owner === null ? undefined : workspace.users.find((u) => u.id === c.owner);
                const status = c.status === 'open' ? draft.openStatusId : draft.closedStatusId;
                return (
                  <li key={c.id}>
                    {c.ticket !== null
                      ? t('sim.move.preview.withTicket', { conversation: c.id, ticket: c.ticket })
                      : t(
                          c.owner === null ? 'sim.move.preview.noOwner' : owner?.helpDeskAccess ? 'sim.move.preview.ownerKept' : 'sim.move.preview.ownerDropped',
                          {
                            conversation: c.id,
                            state: t(`common.category.${c.status}`),
                            status: names.status(status ?? null, pipeline.id),
                            owner: names.user(c.owner),
                          },
                        )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        {refusal && <RefusalText error={refusal} />}
        <label className="tf-check">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <span>{t('sim.move.understood')}</span>
        </label>
        <div className="tf-dialog__buttons">
          <button type="button" className="tf-button" onClick={onCancel}>
            {t('sim.form.cancel')}
          </button>
          <button type="button" className="tf-button" disabled={!canConfirm} onClick={() => confirm(false)}>
            {t(editing ? 'sim.move.save' : 'sim.move.add')}
          </button>
          <button type="button" className="tf-button tf-button--primary" disabled={!canConfirm} onClick={() => confirm(true)}>
            {t('sim.move.addRun')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
