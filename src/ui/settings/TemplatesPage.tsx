import { useState } from 'react';
import type { EmailTemplate } from '../../model';
import { previewTemplate, tokenError, unknownTokens } from '../../settings/template-preview';
import { workflowsUsing } from '../../settings/usages';
import { addTemplate, removeItem, updateItem } from '../../settings/workspace-edits';
import { PanelBoundary } from '../common/PanelBoundary';
import type { FieldProblem } from '../common/problems';
import { useT } from '../i18n';
import '../i18n/settings';
import './settings.css';
import { TokenHelp } from '../inspector/TokenHelp';
import { CommitField, EditProblems, ItemField } from './CommitField';
import type { SettingsProps } from './types';
import { DeleteButton } from './Usage';
import { useEditor } from './use-workspace-edit';

/**
 * The email templates: pick one, edit its name, subject and body (with personalization tokens),
 * see it filled in for a sample ticket as plain text, add custom ones, delete those (the two
 * built-ins stay, as the Automate tab sends them).
 */
export function TemplatesPage(props: SettingsProps) {
  const { t } = useT();
  const { apply, run, problems, setProblems } = useEditor(props.workspace, props.onChange);
  const templates = props.workspace.templates;
  const [chosen, setChosen] = useState(templates[0]?.id ?? '');
  const index = Math.max(0, templates.findIndex((x) => x.id === chosen));
  const tpl = templates[index];

  const add = () => {
    let id = '';
    const found = apply((ws) => {
      const r = addTemplate(ws, t('settings.templates.newName'), t('settings.templates.newSubject'), t('settings.templates.newBody'));
      id = r.id;
      return r.workspace;
    });
    setProblems(found);
    if (found.length === 0) setChosen(id);
  };

  /** Commits a subject or body: tokens must be readable, then the schema decides. */
  const commitText = (field: 'subject' | 'body', value: string): FieldProblem[] => {
    const pointer = `/templates/${index}/${field}`;
    const error = tokenError(value);
    if (error !== null) return [{ pointer, key: 'settings.templates.tokenError', params: { message: error }, level: 'error' }];
    return apply((ws) => updateItem(ws, 'templates', tpl!.id, { [field]: value }), pointer);
  };

  return (
    <section className="tf-settings__page tf-templates" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('settings.templates.title')}</h2>
      <div className="tf-templates__layout">
        <nav aria-label={t('settings.templates.list')}>
          <ul className="tf-templates__list">
            {templates.map((x) => (
              <li key={x.id}>
                <button
                  type="button"
                  className="tf-settings__nav-item"
                  aria-current={x.id === tpl?.id ? 'true' : undefined}
                  onClick={() => {
                    setChosen(x.id);
                    setProblems([]);
                  }}
                >
                  {x.name}
                  {x.builtIn && <span className="tf-badge">{t('settings.templates.builtIn')}</span>}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="tf-button" onClick={add}>
            {t('settings.templates.add')}
          </button>
        </nav>
        {tpl && (
          <div className="tf-templates__editor" key={tpl.id}>
            <ItemField apply={apply} list="templates" id={tpl.id} index={index} field="name" value={tpl.name} label={t('settings.templates.name')} />
            <CommitField label={t('settings.templates.subject')} value={tpl.subject} pointer={`/templates/${index}/subject`} onCommit={(v) => commitText('subject', v)} />
            <CommitField
              label={t('settings.templates.body')}
              rows={8}
              value={tpl.body}
              pointer={`/templates/${index}/body`}
              hint={t('settings.templates.bodyHint')}
              onCommit={(v) => commitText('body', v)}
            />
            <UnknownTokens template={tpl} />
            <TokenHelp />
            <PanelBoundary name={t('app.panel.preview')} resetKey={`${tpl.subject}\n${tpl.body}`}>
              <TemplatePreviewBox template={tpl} {...props} />
            </PanelBoundary>
            <EditProblems problems={problems} />
            {!tpl.builtIn && (
              <div className="tf-settings__buttons">
                <DeleteButton
                  name={tpl.name}
                  usage={() => ({ workflows: workflowsUsing({ type: 'template', id: tpl.id }, props.workflows) })}
                  onOpenWorkflow={props.onOpenWorkflow}
                  onConfirm={() => run((ws) => removeItem(ws, 'templates', tpl.id))}
                />
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

/** Tokens the template uses that the simulation does not know: they would come out empty. */
function UnknownTokens({ template }: { template: EmailTemplate }) {
  const { t } = useT();
  const unknown = tokenError(template.subject) === null && tokenError(template.body) === null ? unknownTokens(`${template.subject}\n${template.body}`) : [];
  if (unknown.length === 0) return null;
  return <p className="tf-problem tf-problem--incomplete">{t('settings.templates.unknownTokens', { tokens: unknown.map((x) => `{{${x}}}`).join(', ') })}</p>;
}

/**
 * The template as the contact would read it for a sample ticket. Plain React text: markup in a
 * template or a name shows as its characters and never runs.
 */
function TemplatePreviewBox({ template, workspace }: SettingsProps & { template: EmailTemplate }) {
  const { t } = useT();
  let preview: ReturnType<typeof previewTemplate>;
  try {
    preview = previewTemplate(workspace, template, t('settings.templates.sampleSubject'));
  } catch (e) {
    // Whatever a template holds, the preview says what is wrong in place instead of blanking the page.
    preview = { ok: false, field: 'body', message: e instanceof Error ? e.message : String(e) };
  }
  return (
    <figure className="tf-email-preview" aria-label={t('settings.templates.preview')}>
      <figcaption>{t('settings.templates.preview')}</figcaption>
      {preview.ok ? (
        <>
          <dl>
            <dt>{t('settings.templates.preview.to')}</dt>
            <dd>{preview.to}</dd>
            <dt>{t('settings.templates.subject')}</dt>
            <dd>
              <strong>{preview.subject}</strong>
            </dd>
          </dl>
          <p className="tf-email-preview__body">{preview.body}</p>
          {preview.footer !== null && <p className="tf-email-preview__footer">{preview.footer}</p>}
        </>
      ) : (
        <p className="tf-problem tf-problem--error">{t('settings.templates.tokenError', { message: preview.message })}</p>
      )}
    </figure>
  );
}
