import { useState } from 'react';
import type { WorkflowDocument } from '../../model';
import type { BuiltInTrigger } from '../../settings/built-in-workflows';
import { addPipeline, removePipeline, renamePipeline } from '../../settings/workspace-edits';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import '../i18n/settings';
import './settings.css';
import { AutomateTab } from './AutomateTab';
import { CommitField, EditProblems } from './CommitField';
import { StatusesEditor } from './StatusesEditor';
import type { SettingsProps } from './types';
import { useEditor } from './use-workspace-edit';

/** The two tabs of a pipeline's settings. */
export type PipelineTab = 'statuses' | 'automate';

/** Props of the pipelines page. */
export interface PipelinesPageProps extends SettingsProps {
  onViewWorkflow: (pipelineId: string, which: BuiltInTrigger, document: WorkflowDocument) => void;
  onCreateWorkflow: (document: WorkflowDocument) => void;
  /** The tab shown first. */
  initialTab?: PipelineTab;
}

/** Choose a pipeline, rename, add or delete one, and edit its statuses or its Automate tab. */
export function PipelinesPage({ onViewWorkflow, onCreateWorkflow, initialTab = 'statuses', ...props }: PipelinesPageProps) {
  const { t } = useT();
  const { apply, run, problems, setProblems } = useEditor(props.workspace, props.onChange);
  const [chosen, setChosen] = useState(props.workspace.pipelines[0]!.id);
  const [tab, setTab] = useState<PipelineTab>(initialTab);
  // The chosen pipeline may be gone (deleted, or an undo): fall back to the first.
  const index = Math.max(0, props.workspace.pipelines.findIndex((p) => p.id === chosen));
  const pipeline = props.workspace.pipelines[index]!;

  const add = () => {
    let id = '';
    const found = apply((ws) => {
      const r = addPipeline(ws, t('settings.pipelines.newName'));
      id = r.pipelineId;
      return r.workspace;
    });
    setProblems(found);
    if (found.length === 0) setChosen(id);
  };

  return (
    <div className="tf-settings__page">
      <div className="tf-settings__bar">
        <SelectField
          label={t('settings.pipelines.select')}
          value={pipeline.id}
          options={props.workspace.pipelines.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => {
            if (v) setChosen(v);
            setProblems([]);
          }}
        />
        <CommitField
          key={pipeline.id}
          label={t('settings.pipelines.name')}
          value={pipeline.name}
          pointer={`/pipelines/${index}/name`}
          onCommit={(v) => apply((ws) => renamePipeline(ws, pipeline.id, v.trim()), `/pipelines/${index}/name`)}
        />
        <div className="tf-settings__buttons">
          <button type="button" className="tf-button" onClick={add}>
            {t('settings.pipelines.add')}
          </button>
          <button
            type="button"
            className="tf-button tf-button--danger"
            onClick={() => run((ws) => removePipeline(ws, pipeline.id, props.workflows))}
          >
            {t('settings.pipelines.delete')}
          </button>
        </div>
      </div>
      <EditProblems problems={problems} />
      <div className="tf-settings__tabs" role="tablist" aria-label={t('settings.pipelines.tabs', { name: pipeline.name })}>
        {(['statuses', 'automate'] as const).map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`pipeline-tab-${x}`}
            aria-selected={tab === x}
            aria-controls={`pipeline-panel-${x}`}
            className="tf-settings__tab"
            onClick={() => setTab(x)}
          >
            {t(`settings.pipelines.tab.${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`pipeline-panel-${tab}`} aria-labelledby={`pipeline-tab-${tab}`}>
        {tab === 'statuses' ? (
          <StatusesEditor key={pipeline.id} {...props} pipelineId={pipeline.id} />
        ) : (
          <AutomateTab
            key={pipeline.id}
            {...props}
            pipelineId={pipeline.id}
            onViewWorkflow={(which, doc) => onViewWorkflow(pipeline.id, which, doc)}
            onCreateWorkflow={onCreateWorkflow}
          />
        )}
      </div>
    </div>
  );
}
