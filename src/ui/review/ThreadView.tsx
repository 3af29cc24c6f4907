import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CommentMessage, CommentThread } from '../../model';
import { useT } from '../i18n';
import '../i18n/review';
import type { CommentOps } from './use-comment-ops';
import './review.css';

/**
 * A text box with a submit button; Ctrl+Enter (or Cmd+Enter) submits too. The box empties after
 * a submit that went through and keeps the text after a refused one.
 */
export function Composer({
  label,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
  autoFocus,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Returns whether the text was taken. */
  onSubmit: (text: string) => boolean;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState(initial);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (onSubmit(text)) setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
    if (e.key === 'Escape' && onCancel) onCancel();
  };
  return (
    <form className="tf-composer" onSubmit={submit}>
      <label htmlFor={id} className="tf-visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        className="tf-input tf-textarea"
        rows={2}
        value={text}
        placeholder={label}
        aria-describedby={`${id}-hint`}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="tf-visually-hidden">
        {t('review.submitHint')}
      </p>
      <div className="tf-review-actions">
        <button type="submit" className="tf-button tf-button--primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="tf-button" onClick={onCancel}>
            {t('review.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

/** A comment time in the UI language, in the reader's time zone. */
function useTimeFormat(): (iso: string) => string {
  const { lang } = useT();
  const fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => fmt.format(new Date(iso));
}

function MessageView({
  thread,
  message,
  author,
  ops,
}: {
  thread: CommentThread;
  message: CommentMessage;
  author: string;
  ops: CommentOps;
}) {
  const { t } = useT();
  const time = useTimeFormat();
  const [editing, setEditing] = useState(false);
  const own = author !== '' && message.author === author;
  return (
    <li className="tf-comment">
      <div className="tf-comment__head">
        <strong className="tf-comment__author">{message.author}</strong>
        <time dateTime={message.at}>{time(message.at)}</time>
        {message.editedAt && (
          <span className="tf-comment__edited" title={time(message.editedAt)}>
            ({t('review.edited')})
          </span>
        )}
      </div>
      {editing ? (
        <Composer
          label={t('review.edit.label')}
          submitLabel={t('review.edit.save')}
          initial={message.text}
          autoFocus
          onSubmit={(text) => {
            const done = ops.edit(thread.id, message.id, text);
            if (done) setEditing(false);
            return done;
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        // A text node: markup in a comment shows as the characters it is made of.
        <p className="tf-comment__text">{message.text}</p>
      )}
      {own && !editing && (
        <div className="tf-review-actions">
          <button type="button" className="tf-link-button" onClick={() => setEditing(true)}>
            {t('review.edit')}
          </button>
          <button
            type="button"
            className="tf-link-button tf-link-button--danger"
            aria-label={t('review.delete.label')}
            onClick={() => ops.remove(thread.id, message.id)}
          >
            {t('review.delete')}
          </button>
        </div>
      )}
    </li>
  );
}

/** One thread: its comments (edit and delete on one's own), a reply box, and resolve or reopen. */
export function ThreadView({ thread, author, ops }: { thread: CommentThread; author: string; ops: CommentOps }) {
  const { t } = useT();
  const [replying, setReplying] = useState(false);
  const starter = thread.messages[0]!.author;
  return (
    <article className={`tf-thread${thread.resolved ? ' tf-thread--resolved' : ''}`} aria-label={t('review.thread.label', { author: starter })}>
      {thread.resolved && <p className="tf-thread__state">{t('review.resolved')}</p>}
      <ol className="tf-thread__messages">
        {thread.messages.map((m) => (
          <MessageView key={m.id} thread={thread} message={m} author={author} ops={ops} />
        ))}
      </ol>
      {replying && author ? (
        <Composer
          label={t('review.reply.label', { author: starter })}
          submitLabel={t('review.reply.submit')}
          autoFocus
          onSubmit={(text) => {
            const done = ops.reply(thread.id, text);
            if (done) setReplying(false);
            return done;
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="tf-review-actions">
          {author && (
            <button type="button" className="tf-button" onClick={() => setReplying(true)}>
              {t('review.reply.submit')}
            </button>
          )}
          {thread.resolved ? (
            <button type="button" className="tf-button" onClick={() => ops.reopen(thread.id)}>
              {t('review.reopen')}
            </button>
          ) : (
            <button type="button" className="tf-button" onClick={() => ops.resolve(thread.id)}>
              {t('review.resolve')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** The last refusal of a comment operation, read out when it appears. */
export function CommentError({ code }: { code: string | null }) {
  const { t } = useT();
  if (!code) return null;
  return (
    <p role="alert" className="tf-problem tf-problem--error">
      {t(`review.error.${code}`)}
    </p>
  );
}
