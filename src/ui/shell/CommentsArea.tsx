import { useCallback, useMemo } from 'react';
import type { CommentThread } from '../../model';
import { reviewTargets } from '../../review/targets';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { CommentsPanel } from '../review/CommentsPanel';

const NO_THREADS: CommentThread[] = [];
const now = () => new Date().toISOString();

/** Every comment thread of the open workflow, wired to the store; a heading reveals its bubble. */
export function CommentsArea() {
  const { t } = useT();
  const store = useAppStore();
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const workspace = useApp((s) => s.workspace);
  const comments = useApp((s) => selectOpenDoc(s)?.comments ?? NO_THREADS);
  const author = useApp((s) => s.authorName);
  const targets = useMemo(() => (workflow ? reviewTargets(workflow, workspace, t) : []), [workflow, workspace, t]);
  const onChange = useCallback((next: CommentThread[]) => store.getState().setComments(next), [store]);
  const onAuthorChange = useCallback((name: string) => store.getState().setAuthorName(name), [store]);
  const onJump = useCallback((target: string) => store.getState().revealNode(target), [store]);
  if (!workflow) return null;
  return (
    <CommentsPanel
      targets={targets}
      comments={comments}
      author={author}
      now={now}
      onChange={onChange}
      onAuthorChange={onAuthorChange}
      onJump={onJump}
    />
  );
}
