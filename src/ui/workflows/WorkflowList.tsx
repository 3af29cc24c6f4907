import { Copy, Pencil, Plus, Search, Trash2 } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { NameSchema } from '../../model';
import { IconButton } from '../common/IconButton';
import { useT } from '../i18n';
import '../common/common.css';
import './WorkflowList.css';

/** One workflow as the list shows it. */
export interface WorkflowListItem {
  id: string;
  name: string;
  enabled: boolean;
  /** How many errors (severity "error") the workflow has; any error keeps it from being enabled. */
  problemCount: number;
}

/** Props of the workflow list. */
export interface WorkflowListProps {
  workflows: readonly WorkflowListItem[];
  /** The workflow open in the builder, marked as current; null when none is. */
  openId: string | null;
  onOpen: (id: string) => void;
  onCreate: () => void;
  /** A new name, trimmed and valid (1–200 characters), different from the old one. */
  onRename: (id: string, name: string) => void;
  onDuplicate: (id: string) => void;
  /** Called after the user confirmed the deletion. */
  onDelete: (id: string) => void;
  /** Turning on is only offered when the workflow has no errors; turning off always is. */
  onToggleEnabled: (id: string, enabled: boolean) => void;
  /** Only opening is offered (team mode, for reviewers and viewers). */
  readOnly?: boolean;
  /** Shown beside a workflow's name (team mode: who is on it). */
  badge?: (id: string) => ReactNode;
}

/** The inline name editor: Enter or leaving the field keeps a valid name, Escape gives up. */
function RenameField({ item, onDone }: { item: WorkflowListItem; onDone: (name: string | null) => void }) {
  const { t } = useT();
  const id = useId();
  const [text, setText] = useState(item.name);
  // The field unmounts once done; a blur arriving during that must not report a second time.
  const done = useRef(false);
  const valid = NameSchema.safeParse(text.trim()).success;
  const report = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name);
  };
  const finish = () => report(valid && text.trim() !== item.name ? text.trim() : null);
  return (
    <span className="tf-wf-rename">
      <label htmlFor={id} className="tf-visually-hidden">
        {t('workflows.rename.label', { name: item.name })}
      </label>
      <input
        id={id}
        className="tf-input"
        value={text}
        autoFocus
        aria-invalid={!valid || undefined}
        aria-describedby={valid ? undefined : `${id}-problem`}
        onChange={(e) => setText(e.target.value)}
        onBlur={finish}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (valid) finish();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            report(null);
          }
        }}
      />
      {!valid && (
        <span id={`${id}-problem`} className="tf-problem tf-problem--error">
          {text.trim() === '' ? t('workflows.rename.empty') : t('error.maxLength', { max: 200 })}
        </span>
      )}
    </span>
  );
}

function WorkflowRow({ item, open, ...p }: Omit<WorkflowListProps, 'workflows' | 'openId' | 'onCreate'> & { item: WorkflowListItem; open: boolean }) {
  const { t, tc } = useT();
  const reasonId = useId();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const blocked = !item.enabled && item.problemCount > 0;
  // When the rename field or the delete question goes away, keyboard focus returns to the row.
  const nameRef = useRef<HTMLButtonElement>(null);
  const editing = renaming || confirming;
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) nameRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <li className={`tf-wf-row${open ? ' tf-wf-row--open' : ''}`}>
      <div className="tf-wf-row__title">
        {renaming ? (
          <RenameField
            item={item}
            onDone={(name) => {
              setRenaming(false);
              if (name !== null) p.onRename(item.id, name);
            }}
          />
        ) : (
          <button ref={nameRef} type="button" className="tf-wf-row__name" aria-current={open ? 'page' : undefined} onClick={() => p.onOpen(item.id)}>
            {item.name}
          </button>
        )}
        {p.badge?.(item.id)}
      </div>
      {!p.readOnly && (
        <div className="tf-wf-row__controls">
          {item.problemCount > 0 && <span className="tf-wf-row__errors">{tc('workflows.errors', item.problemCount)}</span>}
          <label className="tf-check tf-wf-row__toggle">
            <input
              type="checkbox"
              role="switch"
              checked={item.enabled}
              disabled={blocked}
              aria-label={t('workflows.enabled', { name: item.name })}
              aria-describedby={blocked ? reasonId : undefined}
              onChange={(e) => p.onToggleEnabled(item.id, e.target.checked)}
            />
            <span aria-hidden>{item.enabled ? t('workflows.on') : t('workflows.off')}</span>
          </label>
          <span className="tf-wf-row__spacer" />
          <IconButton icon={Pencil} label={t('workflows.rename', { name: item.name })} onClick={() => setRenaming(true)} />
          <IconButton icon={Copy} label={t('workflows.duplicate', { name: item.name })} onClick={() => p.onDuplicate(item.id)} />
          <IconButton icon={Trash2} variant="danger" label={t('workflows.delete', { name: item.name })} onClick={() => setConfirming(true)} />
        </div>
      )}
      {blocked && (
        <p id={reasonId} className="tf-field__hint">
          {tc('workflows.blocked', item.problemCount)}
        </p>
      )}
      {confirming && (
        <div
          role="alertdialog"
          aria-label={t('workflows.confirm.title')}
          className="tf-wf-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <p>{t('workflows.confirm.text', { name: item.name })}</p>
          <button
            type="button"
            className="tf-button tf-button--danger"
            onClick={() => {
              setConfirming(false);
              p.onDelete(item.id);
            }}
          >
            {t('workflows.confirm.delete')}
          </button>
          <button type="button" className="tf-button" autoFocus onClick={() => setConfirming(false)}>
            {t('workflows.confirm.keep')}
          </button>
        </div>
      )}
    </li>
  );
}

/** From this many workflows on, the list is longer than a screen and offers a search. */
export const SEARCH_FROM = 10;

/** Text folded for matching: case and accents do not count ("Résumé" matches "resume"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The workflows whose name or id holds every word of the query, in list order. */
export function matchWorkflows(workflows: readonly WorkflowListItem[], query: string): readonly WorkflowListItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return workflows;
  return workflows.filter((w) => {
    const text = `${fold(w.name)} ${fold(w.id)}`;
    return words.every((word) => text.includes(word));
  });
}

/** The workspace's workflows: open, create, rename inline, duplicate, delete (confirmed), enable. */
export function WorkflowList({ workflows, openId, onCreate, readOnly, ...p }: WorkflowListProps) {
  const { t } = useT();
  const headingId = useId();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const searching = workflows.length >= SEARCH_FROM;
  const shown = useMemo(() => (searching ? matchWorkflows(workflows, query) : workflows), [searching, workflows, query]);
  return (
    <nav className="tf-wf-list" aria-labelledby={headingId}>
      <div className="tf-wf-list__head">
        <h2 id={headingId} className="tf-wf-list__title">
          {t('workflows.title')}
        </h2>
        {!readOnly && (
          <button type="button" className="tf-button tf-button--primary" onClick={onCreate}>
            <Plus size={14} aria-hidden />
            {t('workflows.new')}
          </button>
        )}
      </div>
      {searching && (
        <div className="tf-wf-list__search">
          <label htmlFor={searchId} className="tf-visually-hidden">
            {t('workflows.search.label')}
          </label>
          <Search size={14} aria-hidden className="tf-wf-list__search-icon" />
          <input
            id={searchId}
            type="search"
            className="tf-input"
            value={query}
            placeholder={t('workflows.search.placeholder')}
            aria-describedby={`${searchId}-count`}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query !== '') {
                e.preventDefault();
                e.stopPropagation();
                setQuery('');
              }
            }}
          />
          <span id={`${searchId}-count`} className="tf-field__hint" aria-live="polite">
            {query.trim() === '' ? '' : t('workflows.search.count', { shown: shown.length, count: workflows.length })}
          </span>
        </div>
      )}
      {workflows.length === 0 ? (
        <p className="tf-field__hint">{t('workflows.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="tf-field__hint">{t('workflows.search.none', { query: query.trim() })}</p>
      ) : (
        <ul className="tf-wf-list__items">
          {shown.map((w) => (
            <WorkflowRow key={w.id} item={w} open={w.id === openId} readOnly={readOnly} {...p} />
          ))}
        </ul>
      )}
    </nav>
  );
}
