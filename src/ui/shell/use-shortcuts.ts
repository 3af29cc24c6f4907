import { useEffect } from 'react';
import type { AppStore } from '../../store/store';

/** Whether keys typed in this element belong to it (text fields, selects, editable content). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // Monaco takes keys through the EditContext API on a plain element, not a text field.
  if (target.isContentEditable || target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** Whether the user has text selected on the page (then copy is theirs, not the canvas's). */
function hasTextSelection(): boolean {
  const sel = typeof window.getSelection === 'function' ? window.getSelection() : null;
  return !!sel && !sel.isCollapsed && sel.toString().length > 0;
}

/**
 * Application-wide keys: undo (Ctrl/Cmd+Z), redo (Shift+Ctrl/Cmd+Z, Ctrl+Y), save a revision (Ctrl/Cmd+S), Escape to leave move
 * mode or close the kind picker and comment box, and copy / paste of actions as workflow JSON
 * through the system clipboard. Keys typed into form fields are left alone.
 */
export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextEntry(e.target)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (mod && key === 'y' && !e.shiftKey) {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 's') {
        // Save a revision (SPEC §10), with an optional message; never the browser's "save page".
        e.preventDefault();
        if (s.openId && !s.preview) s.openVersionDialog({ type: 'save', workflowId: s.openId });
      } else if (e.key === 'Escape') {
        if (s.interaction.type !== 'idle') s.setInteraction({ type: 'idle' });
        else if (s.pickerAt) s.openPicker(null);
        else if (s.commentTarget) s.openComments(null);
        else return;
        e.preventDefault();
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTextEntry(e.target) || hasTextSelection()) return;
      const s = store.getState();
      if (s.selection?.kind !== 'action') return;
      const text = s.copyAction(s.selection.id);
      if (text === null || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      s.notify({ tone: 'info', key: 'canvas.copied' });
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTextEntry(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (!store.getState().pasteText(text).ok) return;
      const sel = store.getState().selection;
      if (sel?.kind === 'action') store.getState().revealNode(sel.id);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('copy', onCopy);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('copy', onCopy);
      window.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
