import { DiffEditor } from '@monaco-editor/react';
import { useT } from '../i18n';
import '../i18n/versions';
import '../json/monaco-setup';
import '../json/json-view.css';

/** Props of the JSON diff: the two files' texts, what each is, and the colour scheme. */
export interface JsonDiffProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  theme: 'light' | 'dark';
}

/** Monaco's diff editor on the exported JSON of two versions (the history view's pair), read-only. */
export default function JsonDiffView({ original, modified, originalLabel, modifiedLabel, theme }: JsonDiffProps) {
  const { t } = useT();
  return (
    <section className="tf-json-view" aria-label={t('versions.json.label', { original: originalLabel, modified: modifiedLabel })}>
      <p className="tf-field__hint">{t('versions.json.label', { original: originalLabel, modified: modifiedLabel })}</p>
      <div className="tf-json-editor">
        <DiffEditor
          language="json"
          original={original}
          modified={modified}
          originalModelPath="file:///original.revision.json"
          modifiedModelPath="file:///modified.revision.json"
          // The two models live on at their fixed paths (the next diff reuses them): disposing them on
          // unmount, before the widget lets go of them, is an error in Monaco.
          keepCurrentOriginalModel
          keepCurrentModifiedModel
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          options={{ readOnly: true, originalEditable: false, renderSideBySide: false, minimap: { enabled: false }, fontSize: 13, automaticLayout: true, scrollBeyondLastLine: false }}
        />
      </div>
    </section>
  );
}
