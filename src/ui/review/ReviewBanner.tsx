import { Eye, MessageSquare } from 'lucide-react';
import { useT } from '../i18n';
import '../i18n/review';
import { counted } from './plural';
import './review.css';

/**
 * The strip above the canvas in review mode: says the workflow is read-only and comments are
 * allowed, counts open threads, and offers the comments panel and a way out (each shown only
 * when its callback is given, e.g. no way out for a reviewer who arrived through a review link).
 */
export function ReviewBanner({
  workflowName,
  openThreads,
  onShowComments,
  onExit,
}: {
  workflowName: string;
  openThreads: number;
  onShowComments?: () => void;
  onExit?: () => void;
}) {
  const { t, lang } = useT();
  return (
    <div className="tf-review-banner" role="region" aria-label={t('review.banner.title')}>
      <Eye size={18} aria-hidden />
      <p>
        <strong>{t('review.banner.title')}</strong> — {t('review.banner.text', { name: workflowName })}
      </p>
      <span className="tf-review-banner__count">{counted(t, lang, 'review.banner.open', openThreads)}</span>
      {onShowComments && (
        <button type="button" className="tf-button" onClick={onShowComments}>
          <MessageSquare size={16} aria-hidden /> {t('review.banner.comments')}
        </button>
      )}
      {onExit && (
        <button type="button" className="tf-button" onClick={onExit}>
          {t('review.banner.exit')}
        </button>
      )}
    </div>
  );
}

/** The open-thread count on a bubble; nothing when there is none. */
export function CommentBadge({ count, onClick }: { count: number; onClick?: () => void }) {
  const { t, lang } = useT();
  if (count <= 0) return null;
  const label = counted(t, lang, 'review.badge', count);
  const content = (
    <>
      <MessageSquare size={12} aria-hidden />
      <span>{count}</span>
    </>
  );
  return onClick ? (
    <button type="button" className="tf-comment-badge nodrag" aria-label={label} title={label} onClick={onClick}>
      {content}
    </button>
  ) : (
    <span className="tf-comment-badge" role="img" aria-label={label} title={label}>
      {content}
    </span>
  );
}
