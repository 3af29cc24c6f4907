import { useId, useState } from 'react';
import type { CommentThread } from '../../model';
import type { ReviewTarget } from '../../review/targets';
import { useT } from '../i18n';
import '../i18n/review';
import { ProfileName } from './ProfileName';
import { CommentError, ThreadView } from './ThreadView';
import { useCommentOps, type CommentOpsProps } from './use-comment-ops';
import './review.css';

/** Which threads the panel lists. */
export type ThreadFilter = 'open' | 'resolved' | 'all';

/** Props of the panel that lists every thread of the workflow. */
export interface CommentsPanelProps extends CommentOpsProps {
  /** The trigger and the actions in reading order, with labels (reviewTargets()). */
  targets: readonly ReviewTarget[];
  onAuthorChange: (name: string) => void;
  /** Shows a bubble on the canvas ("trigger" for the enrollment card). */
  onJump: (target: string) => void;
}

const FILTERS: ThreadFilter[] = ['open', 'resolved', 'all'];

/**
 * Every comment thread of the workflow, grouped by bubble in reading order, filtered to open,
 * resolved or all; each group's heading jumps to its bubble. Threads left on an action that no
 * longer exists (an imported document) are listed last, without a jump.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { t } = useT();
  const ops = useCommentOps(props);
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const filterId = useId();
  const known = new Set(props.targets.map((x) => x.id));
  const removed = [...new Set(props.comments.map((c) => c.target).filter((id) => !known.has(id)))];
  const groups = [
    ...props.targets.map((x) => ({ ...x, exists: true })),
    ...removed.map((id) => ({ id, label: t('review.panel.removed', { id }), exists: false })),
  ];
  const shown = (c: CommentThread) => filter === 'all' || (filter === 'resolved') === c.resolved;
  const open = props.comments.filter((c) => !c.resolved).length;
  const visible = groups
    .map((g) => ({ ...g, threads: props.comments.filter((c) => c.target === g.id && shown(c)) }))
    .filter((g) => g.threads.length > 0);

  return (
    <section className="tf-comments tf-comments--panel" aria-labelledby={`${filterId}-title`}>
      <h2 id={`${filterId}-title`} className="tf-comments__title">
        {t('review.panel.title')}
      </h2>
      <p className="tf-comments__count">{t('review.panel.count', { open, resolved: props.comments.length - open })}</p>
      <div className="tf-comments__filter" role="group" aria-label={t('review.panel.filter')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className="tf-chip" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`review.panel.filter.${f}`)}
          </button>
        ))}
      </div>
      <ProfileName value={props.author} onChange={props.onAuthorChange} />
      <CommentError code={ops.error} />
      {props.comments.length === 0 && <p className="tf-comments__empty">{t('review.panel.empty')}</p>}
      {props.comments.length > 0 && visible.length === 0 && <p className="tf-comments__empty">{t('review.panel.emptyFilter')}</p>}
      {visible.map((g) => (
        <section key={g.id} className="tf-comments__group" aria-label={g.label}>
          <h3 className="tf-comments__target">
            {g.exists ? (
              <button type="button" className="tf-link-button" title={t('review.panel.jump')} onClick={() => props.onJump(g.id)}>
                {g.label}
              </button>
            ) : (
              g.label
            )}
          </h3>
          {g.threads.map((thread) => (
            <ThreadView key={thread.id} thread={thread} author={props.author} ops={ops} />
          ))}
        </section>
      ))}
    </section>
  );
}
