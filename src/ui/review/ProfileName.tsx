import { useState, type FormEvent } from 'react';
import { NameSchema } from '../../model';
import { Field } from '../common/Field';
import type { FieldProblem } from '../common/problems';
import { useT } from '../i18n';
import '../i18n/review';
import './review.css';

/** The problem with a profile name, if any: empty, or longer than a name may be. */
function nameProblem(name: string): FieldProblem | undefined {
  const trimmed = name.trim();
  if (!trimmed) return { pointer: '', key: 'review.error.no-author', level: 'error' };
  if (!NameSchema.safeParse(trimmed).success) return { pointer: '', key: 'review.error.author-too-long', level: 'error' };
  return undefined;
}

/**
 * The name a reviewer comments under. Shows "Commenting as <name>" with a Change button, or a
 * small form while no name is set or it is being changed; `onChange` gets the trimmed name.
 */
export function ProfileName({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<FieldProblem>();

  if (value && !editing) {
    return (
      <p className="tf-profile">
        <span>{t('review.profile.as', { name: value })}</span>
        <button
          type="button"
          className="tf-link-button"
          onClick={() => {
            setDraft(value);
            setProblem(undefined);
            setEditing(true);
          }}
        >
          {t('review.profile.change')}
        </button>
      </p>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = nameProblem(draft);
    setProblem(p);
    if (p) return;
    onChange(draft.trim());
    setEditing(false);
  };

  return (
    <form className="tf-profile tf-profile--form" onSubmit={submit}>
      <Field label={t('review.profile.label')} hint={value ? undefined : t('review.profile.needed')} problem={problem}>
        {(control) => (
          <input {...control} className="tf-input" value={draft} maxLength={400} autoComplete="name" onChange={(e) => setDraft(e.target.value)} />
        )}
      </Field>
      <div className="tf-review-actions">
        <button type="submit" className="tf-button tf-button--primary">
          {t('review.profile.save')}
        </button>
        {value && (
          <button type="button" className="tf-button" onClick={() => setEditing(false)}>
            {t('review.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
