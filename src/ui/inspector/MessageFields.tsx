import { problemAt, type FieldProblem } from '../common/problems';
import { TextAreaField, TextField } from '../common/TextField';
import { TokenHelp } from './TokenHelp';

/** A subject line and a body that may hold personalization tokens, with the token help below. */
export function MessageFields<D extends { subject: string; body: string }>({
  draft,
  onChange,
  problems,
  subjectLabel,
  bodyLabel,
}: {
  draft: D;
  onChange: (next: D) => void;
  problems: readonly FieldProblem[];
  subjectLabel: string;
  bodyLabel: string;
}) {
  return (
    <>
      <TextField
        label={subjectLabel}
        value={draft.subject}
        onChange={(subject) => onChange({ ...draft, subject })}
        problem={problemAt(problems, '/subject')}
      />
      <TextAreaField
        label={bodyLabel}
        value={draft.body}
        rows={8}
        onChange={(body) => onChange({ ...draft, body })}
        problem={problemAt(problems, '/body')}
      />
      <TokenHelp />
    </>
  );
}
