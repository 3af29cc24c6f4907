import { useEffect, useState } from 'react';
import { hasBlocking, type FieldProblem } from '../common/problems';
import { sameValue } from '../common/same-value';

/** An edit session over one saved value: the draft, its problems, and save / cancel. */
export interface EditSession<T> {
  draft: T;
  /** The value the draft started from (the saved one, or the last one this session saved). */
  base: T;
  problems: FieldProblem[];
  /** The draft differs from the base. */
  dirty: boolean;
  /** Some problem blocks saving. */
  blocked: boolean;
  update(next: T): void;
  /** Emits the draft when it changed and nothing blocks it; says whether it did. */
  save(): boolean;
  /** Restores the draft to the base. */
  cancel(): void;
}

/** Where a session's unsaved draft is kept beyond the form (a switch of tab, a reload). */
export interface DraftKeeping<T> {
  /** A draft kept from before, to start from instead of the saved value. */
  initial?: T;
  /** Told the draft while it differs from the saved value, and null once it does not. */
  onDraft(draft: T | null): void;
}

/**
 * Keeps a draft of `saved` while the user edits. When `saved` changes from outside (this
 * session's own save coming back from the store, an undo), an untouched draft follows it; a draft
 * with edits is kept, now measured against the new saved value.
 */
export function useEditSession<T>(
  saved: T,
  validate: (draft: T) => FieldProblem[],
  onSave: (draft: T) => void,
  keeping?: DraftKeeping<T>,
): EditSession<T> {
  const [state, setState] = useState(() => ({ saved, base: saved, draft: keeping?.initial ?? saved }));
  let current = state;
  if (state.saved !== saved) {
    const edited = !sameValue(state.draft, state.base) && !sameValue(state.draft, saved);
    current = { saved, base: saved, draft: edited ? state.draft : saved };
    // Adjusting state while rendering (React's pattern for state derived from a changed prop).
    setState(current);
  }
  const { draft, base } = current;
  const problems = validate(draft);
  const dirty = !sameValue(draft, base);
  const blocked = hasBlocking(problems);
  const onDraft = keeping?.onDraft;
  useEffect(() => onDraft?.(dirty ? draft : null), [draft, dirty, onDraft]);
  return {
    draft,
    base,
    problems,
    dirty,
    blocked,
    update: (next) => setState((s) => ({ ...s, draft: next })),
    save() {
      if (!dirty || blocked) return false;
      onSave(draft);
      setState((s) => ({ ...s, base: draft }));
      return true;
    },
    cancel: () => setState((s) => ({ ...s, draft: s.base })),
  };
}
