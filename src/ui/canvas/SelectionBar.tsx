import { useT } from '../i18n';
import '../i18n/canvas-tools';

/** What can be done with several picked bubbles. */
export interface SelectionCommands {
  delete(): void;
  copy(): void | Promise<void>;
  move(): void;
  clear(): void;
}

/**
 * The bar shown while several bubbles are picked (shift-click, or a box drawn with Shift): how many,
 * and Delete, Copy, Move (then pick a "+") and Clear. Each edit is one undo step; where the graph does
 * not allow it, the refusal says why.
 */
export function SelectionBar({ count, commands, review }: { count: number; commands: SelectionCommands; review: boolean }) {
  const { t } = useT();
  return (
    <div className="tf-selection-bar nodrag nopan" role="toolbar" aria-label={t('canvasTools.selection.label', { count })}>
      <span>{t('canvasTools.selection.count', { count })}</span>
      {!review && (
        <button type="button" onClick={commands.delete}>
          {t('canvasTools.selection.delete')}
        </button>
      )}
      <button type="button" onClick={() => void commands.copy()}>
        {t('canvasTools.selection.copy')}
      </button>
      {!review && (
        <button type="button" onClick={commands.move}>
          {t('canvasTools.selection.move')}
        </button>
      )}
      <button type="button" onClick={commands.clear}>
        {t('canvasTools.selection.clear')}
      </button>
    </div>
  );
}
