import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { ACTION_KINDS, type ActionKind } from '../../actions';
import { canInsertAt, type InsertionPoint } from '../../graph';
import type { Workflow } from '../../model';
import { useT } from '../i18n';
import '../i18n/canvas';
import { KIND_ICONS } from './kinds';

/**
 * The list of action kinds that opens from a "+": kinds that cannot go at this point are shown
 * disabled with the reason. Arrow keys move, Enter picks, Escape closes and returns focus to the "+".
 */
export function KindPicker({
  workflow,
  point,
  anchor,
  onPick,
  onClose,
}: {
  workflow: Workflow;
  point: InsertionPoint;
  anchor: HTMLElement | null;
  onPick: (kind: ActionKind) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const list = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const [allowed] = useState(() => new Map(ACTION_KINDS.map((k) => [k, canInsertAt(workflow, point, k)])));

  useLayoutEffect(() => {
    const r = anchor?.getBoundingClientRect();
    const width = 260;
    const left = r ? Math.min(Math.max(8, r.left + r.width / 2 - width / 2), window.innerWidth - width - 8) : 16;
    const top = r ? Math.min(r.bottom + 6, window.innerHeight - 340) : 16;
    setPosition({ left, top: Math.max(8, top) });
  }, [anchor]);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [position]);

  useEffect(() => {
    const close = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    const entries = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (e.key === 'ArrowDown') focus(at + 1);
    else if (e.key === 'ArrowUp') focus(at - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(entries.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      onClose();
      anchor?.focus();
    } else return;
    e.preventDefault();
  };

  return createPortal(
    <div
      ref={list}
      role="menu"
      aria-label={t('canvas.picker.title')}
      className="tf-picker"
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden' }}
      onKeyDown={onKeyDown}
    >
      <div className="tf-picker__title" aria-hidden>
        {t('canvas.picker.title')}
      </div>
      {ACTION_KINDS.map((kind) => {
        const Icon = KIND_ICONS[kind];
        const ok = allowed.get(kind);
        return (
          <button
            key={kind}
            type="button"
            role="menuitem"
            className="tf-picker__item"
            aria-disabled={!ok}
            title={ok ? undefined : t('canvas.picker.cannot', { kind: t(`kind.${kind}`) })}
            onClick={() => {
              if (!ok) return;
              onPick(kind);
              onClose();
            }}
          >
            <Icon size={16} aria-hidden />
            <span>{t(`kind.${kind}`)}</span>
            {!ok && <span className="tf-visually-hidden">{t('canvas.picker.cannot', { kind: '' })}</span>}
          </button>
        );
      })}
    </div>,
    document.body,
  );
}
