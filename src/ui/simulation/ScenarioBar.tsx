import { Copy, FileDown, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { importScenario, stableStringify, type Problem } from '../../document';
import { EXAMPLE_SCENARIOS } from '../../examples';
import type { Scenario, Workspace } from '../../model';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import '../i18n/simulation';
import { downloadText } from '../shell/download';
import { JsonFileButton } from './JsonFileButton';
import { emptyScenario, freshId } from './scenario-edit';

/** A scenario under an id the library does not use yet (the given one when it is free). */
export function withFreeId(scenario: Scenario, library: readonly Scenario[]): Scenario {
  const taken = new Set(library.map((s) => s.id));
  return taken.has(scenario.id) ? { ...scenario, id: freshId(scenario.id, taken) } : scenario;
}

/** What an import left to say: why it failed, or the rule problems of a scenario it read. */
type ImportNote = { ok: false; problems: Problem[] } | { ok: true; name: string; warnings: Problem[] } | null;

/**
 * The scenario library: pick a scenario, start a new one (empty or from an example), duplicate or
 * delete it, import one from a JSON file (checked against the scenario schema) or export it.
 */
export function ScenarioBar({
  workspace,
  scenarios,
  active,
  onSelect,
  onAdd,
  onDelete,
  readOnly,
}: {
  workspace: Workspace;
  scenarios: readonly Scenario[];
  active: Scenario | null;
  onSelect: (id: string | null) => void;
  /** Adds a scenario to the library and makes it active. */
  onAdd: (scenario: Scenario) => void;
  onDelete: (id: string) => void;
  readOnly?: boolean;
}) {
  const { t } = useT();
  const [example, setExample] = useState(EXAMPLE_SCENARIOS[0]?.file ?? null);
  const [note, setNote] = useState<ImportNote>(null);

  const add = (scenario: Scenario) => onAdd(withFreeId(scenario, scenarios));
  const importText = (text: string) => {
    const result = importScenario(text, { workspace });
    if (!result.document) {
      setNote({ ok: false, problems: result.problems });
      return;
    }
    setNote({ ok: true, name: result.document.name, warnings: result.problems });
    add(result.document);
  };

  return (
    <div className="tf-sim-bar">
      <SelectField
        label={t('sim.scenario')}
        value={active?.id ?? null}
        options={scenarios.map((s) => ({ value: s.id, label: s.name }))}
        placeholder={scenarios.length ? undefined : t('sim.scenario.none')}
        onChange={onSelect}
      />
      {!readOnly && (
        <>
          <button
            type="button"
            className="tf-button"
            onClick={() => add(emptyScenario(freshId('scenario', new Set(scenarios.map((s) => s.id))), t('sim.scenario.newName')))}
          >
            <Plus size={16} aria-hidden />
            {t('sim.scenario.new')}
          </button>
          <SelectField
            label={t('sim.scenario.example')}
            value={example}
            options={EXAMPLE_SCENARIOS.map((x) => ({ value: x.file, label: x.scenario.name }))}
            onChange={setExample}
          />
          <button
            type="button"
            className="tf-button"
            disabled={!example}
            onClick={() => {
              const found = EXAMPLE_SCENARIOS.find((x) => x.file === example);
              if (found) add(found.scenario);
            }}
          >
            <Plus size={16} aria-hidden />
            {t('sim.scenario.fromExample')}
          </button>
          <button type="button" className="tf-button" disabled={!active} onClick={() => active && add({ ...active, name: t('sim.scenario.copyName', { name: active.name }) })}>
            <Copy size={16} aria-hidden />
            {t('sim.scenario.duplicate')}
          </button>
          <button type="button" className="tf-button tf-button--danger" disabled={!active} onClick={() => active && onDelete(active.id)}>
            <Trash2 size={16} aria-hidden />
            {t('sim.scenario.delete')}
          </button>
          <JsonFileButton label={t('sim.scenario.import')} onText={importText} onRefused={(problems) => setNote({ ok: false, problems })} />
        </>
      )}
      <button type="button" className="tf-button" disabled={!active} onClick={() => active && downloadText(`${active.id}.scenario.json`, stableStringify(active))}>
        <FileDown size={16} aria-hidden />
        {t('sim.scenario.export')}
      </button>
      {note && !note.ok && (
        <div role="alert" className="tf-sim-refusal">
          <strong>{t('sim.scenario.importFailed')}</strong>
          <ProblemList problems={note.problems} />
        </div>
      )}
      {note?.ok && (
        <div role="status" className="tf-sim-note">
          {t('sim.scenario.imported', { name: note.name })}
          {note.warnings.length > 0 && <ProblemList problems={note.warnings} />}
        </div>
      )}
    </div>
  );
}

/** Problems of a document with their code and JSON pointer, as text. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { problemText } = useT();
  return (
    <ul className="tf-sim-problems">
      {problems.map((p, i) => (
        <li key={i} data-severity={p.severity}>
          <code>{p.code}</code> {p.path && <code>{p.path}</code>} {problemText(p)}
        </li>
      ))}
    </ul>
  );
}
