import { Ellipsis } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n';
import '../i18n/canvas';

/** One entry of the bubble menu; an entry with `items` opens a submenu. */
export interface MenuItem {
  id: string;
  label: string;
  onSelect?: () => void;
  items?: MenuItem[];
}

/** Where an open menu goes: below its button, right-aligned with it, flipped above when there is no room below, kept inside the window. */
export function placeMenu(button: DOMRect, menu: { width: number; height: number }, view: { width: number; height: number }): { left: number; top: number } {
  const margin = 8;
  const left = Math.min(Math.max(margin, button.right - menu.width), view.width - menu.width - margin);
  const below = button.bottom + 4;
  const top = below + menu.height + margin <= view.height ? below : Math.max(margin, button.top - 4 - menu.height);
  return { left: Math.max(margin, left), top };
}

/**
 * The "⋯" menu on a bubble: a button that opens a list of commands. Arrow keys move between
 * entries, Enter or → opens a submenu, ← or Escape goes back, and closing returns focus to the button.
 * The list opens in a layer of its own above the page (a portal on <body>), so no canvas overlay
 * (overview map, zoom controls) and no neighbouring bubble covers it; it closes when the canvas
 * scrolls or zooms under it.
 */
export function BubbleMenu({ label, items }: { label: string; items: MenuItem[] }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [trail, setTrail] = useState<string[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const menuId = useId();

  let shown = items;
  let parent: MenuItem | undefined;
  for (const id of trail) {
    parent = shown.find((i) => i.id === id);
    shown = parent?.items ?? shown;
  }

  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  // Focus once the list is placed: until then it is hidden, and a hidden item cannot take focus.
  useEffect(() => {
    if (open && position) list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, trail, position]);

  useLayoutEffect(() => {
    if (!open) {
      setPosition(null);
      return;
    }
    const b = button.current?.getBoundingClientRect();
    const l = list.current;
    if (!b || !l) return;
    setPosition(placeMenu(b, { width: l.offsetWidth, height: l.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }));
  }, [open, trail]);

  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) {
        setOpen(false);
        setTrail([]);
      }
    };
    // The list stays where it opened: a scroll or zoom of the canvas under it closes it.
    const moved = (e: Event) => {
      if (!list.current?.contains(e.target as Node)) {
        setOpen(false);
        setTrail([]);
      }
    };
    document.addEventListener('pointerdown', close);
    window.addEventListener('wheel', moved, { capture: true, passive: true });
    window.addEventListener('resize', moved);
    return () => {
      document.removeEventListener('pointerdown', close);
      window.removeEventListener('wheel', moved, { capture: true });
      window.removeEventListener('resize', moved);
    };
  }, [open]);

  const closeMenu = () => {
    setOpen(false);
    setTrail([]);
    button.current?.focus();
  };

  const choose = (item: MenuItem) => {
    if (item.items) {
      setTrail((tr) => [...tr, item.id]);
      return;
    }
    setOpen(false);
    setTrail([]);
    item.onSelect?.();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    // The menu owns its keys: nothing here may reach the canvas shortcuts (Delete, arrows, Escape).
    e.stopPropagation();
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        focus(at + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        focus(at - 1);
        break;
      case 'Home':
        e.preventDefault();
        focus(0);
        break;
      case 'End':
        e.preventDefault();
        focus(entries.length - 1);
        break;
      case 'ArrowRight': {
        const item = shown[at - (parent ? 1 : 0)];
        if (item?.items) {
          e.preventDefault();
          choose(item);
        }
        break;
      }
      case 'ArrowLeft':
        if (trail.length) {
          e.preventDefault();
          setTrail((tr) => tr.slice(0, -1));
        }
        break;
      case 'Escape':
        e.preventDefault();
        if (trail.length) setTrail((tr) => tr.slice(0, -1));
        else closeMenu();
        break;
      case 'Tab':
        setOpen(false);
        setTrail([]);
        break;
    }
  };

  return (
    <div className="tf-menu nodrag nopan">
      <button
        ref={button}
        type="button"
        className="tf-menu__button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={(e) => {
          e.stopPropagation();
          setOpen((o) => !o);
          setTrail([]);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(true);
          }
        }}
      >
        <Ellipsis size={16} aria-hidden />
      </button>
      {open &&
        createPortal(
        <div
          ref={list}
          id={menuId}
          role="menu"
          aria-label={parent ? parent.label : label}
          className="tf-menu__list"
          style={position ?? { visibility: 'hidden', left: 0, top: 0 }}
          onKeyDown={onKeyDown}
          onClick={(e) => e.stopPropagation()}
          onDoubleClick={(e) => e.stopPropagation()}
          onPointerDown={(e) => e.stopPropagation()}
        >
          {parent && (
            <button type="button" role="menuitem" className="tf-menu__item tf-menu__item--back" onClick={() => setTrail((tr) => tr.slice(0, -1))}>
              ← {t('canvas.menu.back')}
            </button>
          )}
          {shown.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="tf-menu__item"
              aria-haspopup={item.items ? 'menu' : undefined}
              onClick={() => choose(item)}
            >
              {item.label}
              {item.items && <span aria-hidden> ›</span>}
            </button>
          ))}
        </div>,
        document.body,
      )}
    </div>
  );
}
