import { useState } from 'react';
import type { WorkflowDocument } from '../../model';
import type { BuiltInTrigger } from '../../settings/built-in-workflows';
import { SETTINGS_PAGES, type SettingsPageId } from '../../settings/route';
import { useT } from '../i18n';
import '../i18n/settings';
import { BrandingPage } from './BrandingPage';
import { ChannelsPage } from './ChannelsPage';
import { PipelinesPage, type PipelineTab } from './PipelinesPage';
import { SlaPage } from './SlaPage';
import { TeamsPage } from './TeamsPage';
import { TemplatesPage } from './TemplatesPage';
import type { SettingsProps } from './types';
import { UsersPage } from './UsersPage';
import './settings.css';

export { SETTINGS_PAGES, type SettingsPageId };

/** Props of the help-desk settings. */
export interface SettingsPageProps extends SettingsProps {
  /** "View workflow" of a built-in status update: the shell opens that document in a builder view. */
  onViewWorkflow: (pipelineId: string, which: BuiltInTrigger, document: WorkflowDocument) => void;
  /** A status's "+" created a workflow: the shell adds it and may open it. */
  onCreateWorkflow: (document: WorkflowDocument) => void;
  /** The page shown first (the shell may keep it in the URL). */
  initialPage?: SettingsPageId;
  /** The tab of the pipelines page shown first. */
  initialPipelineTab?: PipelineTab;
  /** Told when the user switches page. */
  onPageChange?: (page: SettingsPageId) => void;
  /** "Back to workflows": leaves the settings for the builder (shown when given). */
  onBack?: () => void;
}

/** The help-desk settings of the workspace: a menu of pages, each emitting a whole new workspace on every valid edit. */
export function SettingsPage({ onViewWorkflow, onCreateWorkflow, initialPage = 'pipelines', initialPipelineTab, onPageChange, onBack, ...props }: SettingsPageProps) {
  const { t } = useT();
  const [page, setPage] = useState<SettingsPageId>(initialPage);
  const go = (p: SettingsPageId) => {
    setPage(p);
    onPageChange?.(p);
  };
  return (
    <div className="tf-settings">
      <nav className="tf-settings__nav" aria-label={t('settings.title')}>
        {onBack && (
          <button type="button" className="tf-button tf-settings__back" onClick={onBack}>
            {t('settings.back')}
          </button>
        )}
        <h2 className="tf-settings__title">{t('settings.title')}</h2>
        <ul>
          {SETTINGS_PAGES.map((p) => (
            <li key={p}>
              <button type="button" className="tf-settings__nav-item" aria-current={page === p ? 'page' : undefined} onClick={() => go(p)}>
                {t(`settings.page.${p}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="tf-settings__main">
        {page === 'pipelines' && (
          <PipelinesPage {...props} initialTab={initialPipelineTab} onViewWorkflow={onViewWorkflow} onCreateWorkflow={onCreateWorkflow} />
        )}
        {page === 'users' && <UsersPage {...props} />}
        {page === 'teams' && <TeamsPage {...props} />}
        {page === 'channels' && <ChannelsPage {...props} />}
        {page === 'templates' && <TemplatesPage {...props} />}
        {page === 'sla' && <SlaPage {...props} />}
        {page === 'branding' && <BrandingPage {...props} />}
      </div>
    </div>
  );
}
