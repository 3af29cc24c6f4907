import { ClipboardCopy, ClipboardPaste, Download, FolderDown, FolderOpen } from 'lucide-react';
import { useRef, type ChangeEvent } from 'react';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { IconButton } from '../common/IconButton';
import { useT } from '../i18n';
import { copyOpenWorkflow, downloadOpenWorkflow, downloadWorkspaceBundle, importFile } from './file-actions';
import { useImportState } from './import-state';

/** Files in and out: export the workflow or the workspace, copy the JSON, import a file or pasted text. */
export function FileMenu() {
  const { t } = useT();
  const store = useAppStore();
  const hasDoc = useApp((s) => selectOpenDoc(s) !== null);
  const review = useApp((s) => s.reviewMode);
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) await importFile(store, file, file.name);
  };

  return (
    <div className="tf-file-menu" role="group" aria-label={t('files.group')}>
      <IconButton icon={Download} label={t('files.exportWorkflow')} disabled={!hasDoc} onClick={() => downloadOpenWorkflow(store)} />
      <IconButton icon={ClipboardCopy} label={t('files.copyJson')} disabled={!hasDoc} onClick={() => void copyOpenWorkflow(store)} />
      <IconButton icon={FolderDown} label={t('files.exportWorkspace')} onClick={() => downloadWorkspaceBundle(store)} />
      <IconButton icon={FolderOpen} label={t('files.import')} disabled={review} onClick={() => input.current?.click()} />
      <IconButton icon={ClipboardPaste} label={t('files.paste')} disabled={review} onClick={() => useImportState.getState().set({ kind: 'paste' })} />
      <input ref={input} type="file" accept=".json,application/json" hidden aria-label={t('files.import')} data-testid="tf-import-file" onChange={onFile} />
    </div>
  );
}
