import { X } from 'lucide-react';
import { useCallback } from 'react';
import { definitionOf } from '../../actions';
import { TRIGGER_NODE_ID, type CommentThread } from '../../model';
import { selectAction, selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/canvas';
import { CommentThreads } from '../review/CommentThreads';

const NO_THREADS: CommentThread[] = [];
const now = () => new Date().toISOString();

/** The comment box the bubble menu's "Comment" opens, beside the canvas; Escape closes it. */
export function CommentBox() {
  const { t } = useT();
  const store = useAppStore();
  const target = useApp((s) => s.commentTarget);
  const comments = useApp((s) => selectOpenDoc(s)?.comments ?? NO_THREADS);
  const author = useApp((s) => s.authorName);
  const workspace = useApp((s) => s.workspace);
  const action = useApp((s) => (target ? selectAction(target)(s) : undefined));
  const onChange = useCallback((next: CommentThread[]) => store.getState().setComments(next), [store]);
  const onAuthorChange = useCallback((name: string) => store.getState().setAuthorName(name), [store]);
  if (!target) return null;
  const label = target === TRIGGER_NODE_ID ? t('canvas.trigger.title') : action ? definitionOf(action).summary(action, workspace, t) : target;
  const close = () => store.getState().openComments(null);
  return (
    <div
      className="tf-comment-box"
      role="dialog"
      aria-label={t('canvas.comments.title', { name: label })}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') close();
      }}
    >
      <button type="button" className="tf-icon-button tf-comment-box__close" aria-label={t('canvas.comments.close')} onClick={close}>
        <X size={16} aria-hidden />
      </button>
      <CommentThreads target={target} targetLabel={label} comments={comments} author={author} now={now} onChange={onChange} onAuthorChange={onAuthorChange} />
    </div>
  );
}
