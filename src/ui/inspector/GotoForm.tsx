import { definitionOf, type Action, type GotoAction } from '../../actions';
import { problemAt } from '../common/problems';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import type { ActionFormProps } from './types';

/** Go to: the action to continue at, chosen by its summary among the workflow's other actions. */
export function GotoForm({ draft, onChange, problems, workspace, workflow }: ActionFormProps<GotoAction>) {
  const { t } = useT();
  const others = workflow.actions.filter((a) => a.id !== draft.id);
  const summaries = others.map((a: Action) => definitionOf(a).summary(a, workspace, t));
  const uses = new Map<string, number>();
  for (const s of summaries) uses.set(s, (uses.get(s) ?? 0) + 1);
  // Two actions may read the same ("Delay 1 day"): their ids tell them apart.
  const options = others.map((a, i) => {
    const summary = summaries[i]!;
    return { value: a.id, label: uses.get(summary)! > 1 ? t('inspector.goto.withId', { summary, id: a.id }) : summary };
  });
  return (
    <SelectField
      label={t('inspector.goto.target')}
      value={draft.target}
      options={options}
      placeholder={t('inspector.goto.choose')}
      onChange={(target) => onChange({ ...draft, target })}
      problem={problemAt(problems, '/target')}
      hint={t('inspector.goto.hint')}
    />
  );
}
