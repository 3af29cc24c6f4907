import { useState } from 'react';
import { startPersistence } from '../../store/persistence';
import { createAppStore } from '../../store/store';
import type { TeamApi } from '../../store/team-api';
import { Dialog } from '../canvas/Dialog';
import { scenariosForBundle } from '../files/scenario-bridge';
import { useT } from '../i18n';
import '../i18n/team';
import { errorText } from './AuthScreens';

/** What a move-in did to a workflow: created here, given a new revision, or found already here as it was. */
export type MoveInOutcome = 'created' | 'revised' | 'unchanged';
export const MOVE_IN_OUTCOMES: readonly MoveInOutcome[] = ['created', 'revised', 'unchanged'];

/** What an import brought in, as the report lists it: the workflows' names by outcome. */
export interface MoveInReport {
  workflows: Record<MoveInOutcome, string[]>;
  scenarios: number;
  workspace: boolean;
  notes: string[];
  problems: string[];
}

function messages(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'string' ? v : String((v as Record<string, unknown>)?.message ?? JSON.stringify(v))));
}

/** The report of a `POST /import` answer (`{ workspace: 'replaced'|'kept', workflows: [{ id, name, revision, outcome }], scenarios: [...], problems, notes }`). */
export function moveInReport(body: unknown): MoveInReport {
  const b = (body ?? {}) as Record<string, unknown>;
  const workflows: Record<MoveInOutcome, string[]> = { created: [], revised: [], unchanged: [] };
  for (const w of Array.isArray(b.workflows) ? (b.workflows as Record<string, unknown>[]) : []) {
    const outcome = MOVE_IN_OUTCOMES.find((o) => o === w?.outcome);
    // An answer without an outcome is not claimed as new: it counts as updated.
    workflows[outcome ?? 'revised'].push(String(w?.name ?? w?.id ?? '?'));
  }
  return {
    workflows,
    scenarios: Array.isArray(b.scenarios) ? b.scenarios.length : 0,
    workspace: b.workspace === 'replaced',
    notes: messages(b.notes),
    problems: messages(b.problems),
  };
}

/**
 * The bundle of what this browser keeps in local mode (its IndexedDB workspace and scenarios), or
 * null when it keeps nothing. Read through the local adapter itself, stopped before it writes.
 */
export async function localWorkspaceBundle(): Promise<string | null> {
  const store = createAppStore();
  const control = await startPersistence(store, { channel: null, journal: null, scenarios: scenariosForBundle });
  try {
    if (control.seeded) return null;
    return control.exportAll();
  } finally {
    control.stop();
  }
}

/**
 * Sending a bundle to the team workspace's import (moving in is one request): whether it is under way,
 * its report, or the error that stopped it. `send` reads the text first; null text says nothing was
 * there to send.
 */
export function useBundleImport(api: TeamApi) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<MoveInReport | null>(null);
  const send = async (read: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const text = await read();
      if (text === null) {
        setError(t('team.moveIn.nothingLocal'));
        return;
      }
      const r = await api.post('/import', text);
      setReport(moveInReport(r.body));
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, report, send };
}

/** An import into the team workspace under way, what it brought in (workflows by outcome, scenarios, settings, notes, problems), or why it failed. */
export function ImportOutcome({ busy, error, report }: { busy: boolean; error: string | null; report: MoveInReport | null }) {
  const { t } = useT();
  return (
    <>
      {busy && <p role="status">{t('team.moveIn.sending')}</p>}
      {report && <MoveInReportView report={report} />}
      {error && (
        <p className="tf-problem tf-problem--error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function MoveInReportView({ report }: { report: MoveInReport }) {
  const { t } = useT();
  return (
    <div className="tf-team-report" role="status">
      <p>
        <strong>{t('team.moveIn.done')}</strong>
      </p>
      <ul>
        {report.workflows.created.length > 0 && <li>{t('team.moveIn.created', { count: report.workflows.created.length, names: report.workflows.created.join(', ') })}</li>}
        {report.workflows.revised.length > 0 && <li>{t('team.moveIn.revised', { count: report.workflows.revised.length, names: report.workflows.revised.join(', ') })}</li>}
        {report.workflows.unchanged.length > 0 && (
          <li>{t('team.moveIn.unchanged', { count: report.workflows.unchanged.length, names: report.workflows.unchanged.join(', ') })}</li>
        )}
        {MOVE_IN_OUTCOMES.every((o) => report.workflows[o].length === 0) && <li>{t('team.moveIn.noWorkflows')}</li>}
        <li>{t('team.moveIn.scenarios', { count: report.scenarios })}</li>
        <li>{report.workspace ? t('team.moveIn.workspace') : t('team.moveIn.noWorkspace')}</li>
        {report.notes.map((n, i) => (
          <li key={`n${i}`}>{n}</li>
        ))}
        {report.problems.map((p, i) => (
          <li key={`p${i}`} className="tf-problem tf-problem--error">
            {p}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Moving in: the browser's local workspace, or a bundle file, into the team workspace in one step. */
export function MoveInDialog({ api, onClose }: { api: TeamApi; onClose: () => void }) {
  const { t } = useT();
  const { busy, error, report, send } = useBundleImport(api);

  return (
    <Dialog title={t('team.moveIn.title')} onCancel={onClose}>
      <div className="tf-team-dialog">
        <p className="tf-field__hint">{t('team.moveIn.intro')}</p>
        <div className="tf-team-inline">
          <button type="button" className="tf-button tf-button--primary" disabled={busy} onClick={() => void send(localWorkspaceBundle)}>
            {t('team.moveIn.local')}
          </button>
          <label className="tf-button">
            {t('team.moveIn.file')}
            <input
              type="file"
              accept=".json,application/json"
              className="tf-visually-hidden"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void send(() => file.text());
              }}
            />
          </label>
        </div>
        <ImportOutcome busy={busy} error={error} report={report} />
        <div className="tf-dialog__buttons">
          <button type="button" className="tf-button" onClick={onClose}>
            {t('team.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
