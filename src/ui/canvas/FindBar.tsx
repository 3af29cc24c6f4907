import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Workflow } from '../../model';
import { useApp } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/canvas-tools';
import { findables, findMatches } from './find';

/**
 * Find on the canvas (Ctrl/Cmd+F): bubbles matching the text by summary, kind or id, stepped through
 * with Enter / Shift+Enter or the arrows, each shown in turn (selected, the canvas panned to it).
 * Escape closes it and puts focus on the bubble found.
 */
export function FindBar({ workflow, onShow, onClose }: { workflow: Workflow; onShow: (id: string) => void; onClose: () => void }) {
  const { t } = useT();
  const workspace = useApp((s) => s.workspace);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const items = useMemo(() => findables(workflow, workspace, t), [workflow, workspace, t]);
  const matches = useMemo(() => findMatches(items, query), [items, query]);
  const current = matches.length ? matches[Math.min(at, matches.length - 1)]! : null;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (current) onShow(current);
  }, [current, onShow]);

  const step = (by: number) => {
    if (matches.length) setAt((i) => (Math.min(i, matches.length - 1) + by + matches.length) % matches.length);
  };
  const close = () => {
    onClose();
    const node = current ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(current)}"]`) : null;
    node?.focus({ preventScroll: true });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      input.current?.select();
    }
  };

  const status = !query.trim() ? '' : matches.length ? t('canvasTools.find.count', { at: Math.min(at, matches.length - 1) + 1, count: matches.length }) : t('canvasTools.find.none');
  return (
    <div className="tf-find nodrag nopan" role="search" aria-label={t('canvasTools.find.label')} onKeyDown={onKeyDown}>
      <input
        ref={input}
        type="search"
        value={query}
        aria-label={t('canvasTools.find.label')}
        placeholder={t('canvasTools.find.placeholder')}
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
      />
      <span className="tf-find__status" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" aria-label={t('canvasTools.find.previous')} title={t('canvasTools.find.previous')} disabled={matches.length === 0} onClick={() => step(-1)}>
        <ChevronUp size={16} aria-hidden />
      </button>
      <button type="button" aria-label={t('canvasTools.find.next')} title={t('canvasTools.find.next')} disabled={matches.length === 0} onClick={() => step(1)}>
        <ChevronDown size={16} aria-hidden />
      </button>
      <button type="button" aria-label={t('canvasTools.find.close')} title={t('canvasTools.find.close')} onClick={close}>
        <X size={16} aria-hidden />
      </button>
    </div>
  );
}
