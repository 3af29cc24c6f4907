import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { schemaProblems } from '../common/problems';

/**
 * A form's working copy of a value, checked against its schema on every change. Time fields report
 * when their text is incomplete (the draft keeps its last valid moment meanwhile), and the form
 * cannot be saved until every field is valid.
 */
export function useDraft<T>(schema: z.ZodType, initial: T) {
  const [draft, setDraft] = useState<T>(initial);
  const [badTimes, setBadTimes] = useState<ReadonlySet<string>>(new Set());
  const problems = useMemo(() => schemaProblems(schema, draft), [schema, draft]);
  /** A time field (by a key unique in the form) holds a complete moment, or not. */
  const reportTime = (key: string, ok: boolean) =>
    setBadTimes((prev) => {
      if (ok === !prev.has(key)) return prev;
      const next = new Set(prev);
      if (ok) next.delete(key);
      else next.add(key);
      return next;
    });
  return { draft, setDraft, problems, reportTime, canSave: problems.length === 0 && badTimes.size === 0 };
}
