import type { NotifyAction } from '../../actions';
import { CheckboxGroup } from '../common/CheckboxGroup';
import { ProblemText } from '../common/Field';
import { problemAt, problemUnder } from '../common/problems';
import { useT } from '../i18n';
import { MessageFields } from './MessageFields';
import type { ActionFormProps } from './types';
import { teamOptions, userOptions } from './workspace-options';

/** Send internal notification: to users, teams and/or the ticket owner, with a subject and body. */
export function NotifyForm({ draft, onChange, problems, workspace }: ActionFormProps<NotifyAction>) {
  const { t } = useT();
  const r = draft.recipients;
  const setRecipients = (recipients: NotifyAction['recipients']) => onChange({ ...draft, recipients });
  const missing = problemAt(problems, '/recipients');
  return (
    <>
      <fieldset className="tf-group">
        <legend className="tf-field__label">{t('inspector.notify.recipients')}</legend>
        <CheckboxGroup
          legend={t('inspector.notify.users')}
          value={r.userIds}
          options={userOptions(workspace, t)}
          onChange={(userIds) => setRecipients({ ...r, userIds })}
          problem={problemUnder(problems, '/recipients/userIds')}
        />
        <CheckboxGroup
          legend={t('inspector.notify.teams')}
          value={r.teamIds}
          options={teamOptions(workspace)}
          onChange={(teamIds) => setRecipients({ ...r, teamIds })}
          problem={problemUnder(problems, '/recipients/teamIds')}
          hint={workspace.teams.length ? t('inspector.notify.teamsHint') : t('inspector.notify.noTeams')}
        />
        <label className="tf-check">
          <input type="checkbox" checked={r.owner} onChange={(e) => setRecipients({ ...r, owner: e.target.checked })} />
          <span>{t('inspector.notify.owner')}</span>
        </label>
        <p className="tf-field__hint">{t('inspector.notify.ownerHint')}</p>
        {missing && <ProblemText problem={missing} />}
      </fieldset>
      <MessageFields
        draft={draft}
        onChange={onChange}
        problems={problems}
        subjectLabel={t('inspector.notify.subject')}
        bodyLabel={t('inspector.notify.body')}
      />
    </>
  );
}
