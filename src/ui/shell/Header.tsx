import { Eye, LayoutGrid, Redo2, Settings, Undo2 } from 'lucide-react';
import { FileMenu } from '../files/FileMenu';
import { selectCanRedo, selectCanUndo, selectOpenDoc } from '../../store/selectors';
import { VersionBar } from '../history/VersionBar';
import { useApp, useAppStore } from '../../store/store';
import { IconButton } from '../common/IconButton';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useT } from '../i18n';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { useTheme } from '../theme/theme';
import { canEdit, useTeamSession } from '../../store/team-session';
import { ModeLine } from '../team/ModeLine';
import { SaveStatus } from './SaveStatus';

/** The header: workspace and workflow names, what is live and what the draft holds (publish), undo/redo, tidy up, review mode, language, theme, save state. */
export function Header() {
  const { t } = useT();
  const store = useAppStore();
  const workspaceName = useApp((s) => s.workspace.name);
  const name = useApp((s) => selectOpenDoc(s)?.workflow.name);
  const canUndo = useApp(selectCanUndo);
  const canRedo = useApp(selectCanRedo);
  const undoLabel = useApp((s) => (s.openId ? s.histories[s.openId]?.past.at(-1)?.label : undefined));
  const redoLabel = useApp((s) => (s.openId ? s.histories[s.openId]?.future.at(-1)?.label : undefined));
  const hasLayout = useApp((s) => selectOpenDoc(s)?.layout !== undefined);
  const review = useApp((s) => s.reviewMode);
  const language = useApp((s) => s.language);
  const chosenTheme = useApp((s) => s.theme);
  const theme = useTheme(chosenTheme);
  // A reviewer's or viewer's review mode is their role, not a toggle.
  const editor = useTeamSession(canEdit);

  return (
    <header className="tf-header">
      <div className="tf-header__names">
        <span className="tf-header__workspace" title={workspaceName}>
          {workspaceName}
        </span>
        <span aria-hidden className="tf-header__sep">
          /
        </span>
        <h1 className="tf-header__workflow" title={name ?? undefined}>
          {name ?? t('shell.noWorkflow')}
        </h1>
      </div>
      <VersionBar />
      <div className="tf-header__tools" role="toolbar" aria-label={t('shell.toolbar')}>
        <IconButton
          icon={Undo2}
          label={undoLabel ? t('shell.undoWhat', { what: t(undoLabel) }) : t('shell.undo')}
          disabled={!canUndo || review}
          onClick={() => store.getState().undo()}
        />
        <IconButton
          icon={Redo2}
          label={redoLabel ? t('shell.redoWhat', { what: t(redoLabel) }) : t('shell.redo')}
          disabled={!canRedo || review}
          onClick={() => store.getState().redo()}
        />
        <IconButton
          icon={LayoutGrid}
          label={t('shell.tidy')}
          disabled={!hasLayout || review}
          reason={t('shell.tidy.already')}
          onClick={() => store.getState().tidyUp()}
        />
        {editor && (
          <button
            type="button"
            className="tf-icon-button"
            aria-pressed={review}
            aria-label={t('shell.review')}
            title={t('shell.review')}
            onClick={() => store.getState().setReviewMode(!review)}
          >
            <Eye size={16} aria-hidden />
          </button>
        )}
        <FileMenu />
        <a className="tf-icon-button" href="#/settings/pipelines" aria-label={t('shell.settings')} title={t('shell.settings')}>
          <Settings size={16} aria-hidden />
        </a>
      </div>
      <div className="tf-header__prefs">
        <ModeLine />
        <SaveStatus />
        <LanguageSwitch value={language} onChange={(l) => store.getState().setLanguage(l)} />
        <ThemeSwitch value={theme} onChange={(th) => store.getState().setTheme(th)} />
      </div>
    </header>
  );
}
