import { CircleAlert, TriangleAlert } from 'lucide-react';
import { selectOpenCommentCount, selectOpenDoc, selectProblemCount } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { namedMessage } from '../problems/named';
import { CommentBadge } from '../review/ReviewBanner';

/** The problem badge and open-comment count of a node (an action id or "trigger"). */
export function NodeBadges({ id }: { id: string }) {
  const { t, problemText } = useT();
  const store = useAppStore();
  const problem = useApp(selectProblemCount(id));
  const comments = useApp(selectOpenCommentCount(id));
  // Read when there is a problem to word, not subscribed to: a bubble re-renders when its problems change.
  const first = problem && namedMessage(problemText(problem.first), t, selectOpenDoc(store.getState())?.workflow, store.getState().workspace);
  return (
    <span className="tf-bubble__badges">
      {problem && (
        <span
          className={`tf-badge ${problem.errors ? 'tf-badge--error' : 'tf-badge--warning'}`}
          title={first}
          role="img"
          aria-label={t('canvas.badge.problems', { count: problem.errors + problem.warnings, first: first ?? '' })}
        >
          {problem.errors ? <CircleAlert size={12} aria-hidden /> : <TriangleAlert size={12} aria-hidden />}
          {problem.errors + problem.warnings}
        </span>
      )}
      <CommentBadge count={comments} onClick={() => store.getState().openComments(id)} />
    </span>
  );
}
