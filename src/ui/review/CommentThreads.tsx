import { threadsOf } from '../../review/threads';
import { useT } from '../i18n';
import '../i18n/review';
import { ProfileName } from './ProfileName';
import { CommentError, Composer, ThreadView } from './ThreadView';
import { useCommentOps, type CommentOpsProps } from './use-comment-ops';
import './review.css';

/** Props of the comments of one bubble. */
export interface CommentThreadsProps extends CommentOpsProps {
  /** The action id, or "trigger" for the enrollment card. */
  target: string;
  /** How the bubble is called in the heading (its summary). */
  targetLabel: string;
  /** Sets the profile name; asked for before the first comment. */
  onAuthorChange: (name: string) => void;
}

/**
 * The comment threads of one action bubble or of the trigger card: open threads first, then
 * resolved ones, and a box to start a new thread. Works the same in review mode, where it is the
 * only thing a reviewer can change.
 */
export function CommentThreads(props: CommentThreadsProps) {
  const { t } = useT();
  const ops = useCommentOps(props);
  const threads = threadsOf(props.comments, props.target);
  return (
    <section className="tf-comments" aria-label={t('review.heading', { target: props.targetLabel })}>
      <h2 className="tf-comments__title">{t('review.heading', { target: props.targetLabel })}</h2>
      {threads.length === 0 && <p className="tf-comments__empty">{t('review.none')}</p>}
      {threads.map((thread) => (
        <ThreadView key={thread.id} thread={thread} author={props.author} ops={ops} />
      ))}
      <CommentError code={ops.error} />
      <ProfileName value={props.author} onChange={props.onAuthorChange} />
      {props.author && (
        <Composer label={t('review.new.label')} submitLabel={t('review.new.submit')} onSubmit={(text) => ops.add(props.target, text)} />
      )}
    </section>
  );
}
