import Editor, { type OnMount } from '@monaco-editor/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_LIMITS, exportWorkflow, importWorkflow, type Problem } from '../../document';
import { firstTooDeep } from '../../document/safe-json';
import type { WorkflowDocument, Workspace } from '../../model';
import { useT } from '../i18n';
import { namedMessage } from '../problems/named';
import { JsonLocator } from './json-locate';
import { monaco, WORKFLOW_MODEL_PATH } from './monaco-setup';
import './json-view.css';

/** Props of the JSON view: the open document, its problems, and how edits and selection flow back. */
export interface JsonViewProps {
  doc: WorkflowDocument;
  workspace: Workspace;
  /** Problems of the current document (schema and semantic), shown as markers. */
  problems: readonly Problem[];
  selectedActionId: string | null;
  readOnly: boolean;
  theme: 'light' | 'dark';
  /** A JSON edit that imported cleanly; the store applies it as one undo step. */
  onApply(doc: WorkflowDocument, notes: string[]): void;
  onSelectAction(id: string | null): void;
  /** Text kept from before (invalid JSON typed before a switch of tab or a reload), shown instead of the document. */
  draftText?: string | null;
  /** Told the text while it is not a valid document, and null once it is applied or replaced. */
  onDraftText?(text: string | null): void;
}

type Sync =
  | { state: 'synced' }
  | { state: 'invalid'; problems: Problem[] }
  /** The canvas changed while the user's JSON was invalid: neither side is overwritten. */
  | { state: 'diverged'; problems: Problem[] };

const APPLY_DELAY_MS = 300;

/**
 * The editor's structure-aware features (the JSON language worker, bracket pairs, folding) recurse or
 * slow down on text nested far deeper than any document. Such text is refused by the import anyway
 * (TF103), so while the text is that deep the editor treats it as plain text; they come back with the
 * first edit that brings the depth within the limit.
 */
const DEEP_TEXT_OPTIONS: monaco.editor.IEditorOptions = {
  // Wrapped, one long line becomes thousands of view lines, each asking for the whole line's decorations.
  wordWrap: 'off',
  matchBrackets: 'never',
  folding: false,
  guides: { bracketPairs: false, bracketPairsHorizontal: false, highlightActiveBracketPair: false, indentation: false },
};
const JSON_TEXT_OPTIONS: monaco.editor.IEditorOptions = {
  wordWrap: 'on',
  matchBrackets: 'always',
  folding: true,
  guides: { bracketPairs: false, bracketPairsHorizontal: 'active', highlightActiveBracketPair: true, indentation: true },
};

function isTooDeep(text: string): boolean {
  return firstTooDeep(text, DEFAULT_LIMITS.maxDepth) >= 0;
}

function setDeepMode(editor: monaco.editor.IStandaloneCodeEditor, model: monaco.editor.ITextModel, deep: boolean): void {
  if (deep === (model.getLanguageId() === 'plaintext')) return;
  monaco.editor.setModelLanguage(model, deep ? 'plaintext' : 'json');
  model.updateOptions({ bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false } });
  editor.updateOptions(deep ? DEEP_TEXT_OPTIONS : JSON_TEXT_OPTIONS);
}

/**
 * Text too deep for the JSON language is switched to plain text before the editor takes it in. Once it
 * is in the model it is too late: the JSON features' listeners run before the editor's own and schedule
 * work on it (the language worker's validation, for one, is not cancelled by a change of language).
 */
function guardIncomingText(editor: monaco.editor.IStandaloneCodeEditor): void {
  const dom = editor.getDomNode();
  if (!dom) return;
  const incoming = (text: string | undefined) => {
    const model = editor.getModel();
    if (model && text && isTooDeep(text)) setDeepMode(editor, model, true);
  };
  const onPaste = (e: ClipboardEvent) => incoming(e.clipboardData?.getData('text/plain'));
  const onDrop = (e: DragEvent) => incoming(e.dataTransfer?.getData('text/plain'));
  dom.addEventListener('paste', onPaste, true);
  dom.addEventListener('drop', onDrop, true);
  editor.onDidDispose(() => {
    dom.removeEventListener('paste', onPaste, true);
    dom.removeEventListener('drop', onDrop, true);
  });
}
const MARKER_OWNER = 'ticketflow';

function toMarkers(model: monaco.editor.ITextModel, locator: JsonLocator, problems: readonly Problem[], text: (p: Problem) => string): monaco.editor.IMarkerData[] {
  return problems.map((p) => {
    const span = (p.actionId && p.path === '' ? locator.actionSpan(p.actionId) : null) ?? locator.spanOf(p.path) ?? { start: 0, end: 1 };
    const start = model.getPositionAt(span.start);
    const end = model.getPositionAt(Math.max(span.end, span.start + 1));
    return {
      severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: `${p.code}: ${text(p)}`,
      code: p.code,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
}

/** The workflow document as JSON, side by side with the canvas, editable both ways. */
export default function JsonView(props: JsonViewProps) {
  const { doc, workspace, problems, selectedActionId, readOnly, theme, onApply, onSelectAction, onDraftText } = props;
  const { t, problemText } = useT();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const exported = useMemo(() => exportWorkflow(doc, { comments: true }), [doc]);
  // Read once: the editor starts from a kept draft and keeps its own text from then on.
  const [initialText] = useState(() => (props.draftText && props.draftText !== exported ? props.draftText : null));
  // A kept draft too deep for the JSON language opens as plain text (see guardIncomingText).
  const [initialDeep] = useState(() => initialText !== null && isTooDeep(initialText));
  const [sync, setSync] = useState<Sync>({ state: 'synced' });
  const syncRef = useRef(sync);
  syncRef.current = sync;
  const lastApplied = useRef(exported);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const selectingFromEditor = useRef(false);

  // Problems name actions by their summary, the id after, as in the problems list (read from the last good document).
  const nameProblem = (p: Problem) => namedMessage(problemText(p), t, doc.workflow, workspace);
  const named = useRef(nameProblem);
  named.current = nameProblem;
  const setMarkers = useCallback((list: readonly Problem[]) => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(model, JsonLocator.of(model.getValue()), list, (p) => named.current(p)));
  }, []);

  // Canvas → JSON: a new document replaces the text unless the user holds unapplied invalid JSON.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || exported === lastApplied.current) return;
    lastApplied.current = exported;
    if (syncRef.current.state !== 'synced') {
      setSync({ state: 'diverged', problems: syncRef.current.problems });
      return;
    }
    const model = editor.getModel();
    if (model && model.getValue() !== exported) {
      const view = editor.saveViewState();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: exported }], () => null);
      if (view) editor.restoreViewState(view);
    }
  }, [exported]);

  // Again when the language changes: the markers' text is in the reader's language.
  useEffect(() => {
    if (sync.state === 'synced') setMarkers(problems);
  }, [problems, sync.state, setMarkers, problemText]);

  // Canvas selection → reveal the action's JSON.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    if (selectingFromEditor.current) {
      selectingFromEditor.current = false;
      return;
    }
    const span = selectedActionId ? JsonLocator.of(model.getValue()).actionSpan(selectedActionId) : null;
    const ranges = span
      ? [{ range: monaco.Range.fromPositions(model.getPositionAt(span.start), model.getPositionAt(span.end)), options: { isWholeLine: true, className: 'tf-json-selected' } }]
      : [];
    decorations.current?.set(ranges);
    if (span) editor.revealRangeInCenterIfOutsideViewport(ranges[0]!.range);
  }, [selectedActionId]);

  const applyText = useCallback(
    (text: string) => {
      const result = importWorkflow(text, { workspace });
      if (!result.document) {
        setSync({ state: 'invalid', problems: result.problems });
        setMarkers(result.problems);
        onDraftText?.(text);
        return;
      }
      const next = exportWorkflow(result.document, { comments: true });
      setSync({ state: 'synced' });
      onDraftText?.(null);
      if (next !== lastApplied.current) {
        lastApplied.current = next;
        onApply(result.document, result.notes);
      }
    },
    [workspace, onApply, setMarkers, onDraftText],
  );

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    decorations.current = editor.createDecorationsCollection();
    editor.onDidChangeModelContent((e) => {
      if (e.isFlush) return;
      const model = editor.getModel();
      const text = model?.getValue() ?? '';
      if (model) setDeepMode(editor, model, isTooDeep(text));
      if (text === lastApplied.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => applyText(editor.getModel()?.getValue() ?? text), APPLY_DELAY_MS);
    });
    editor.onDidChangeCursorPosition((e) => {
      if (e.source !== 'mouse' && e.source !== 'keyboard') return;
      const model = editor.getModel();
      if (!model) return;
      const id = JsonLocator.of(model.getValue()).actionAt(model.getOffsetAt(e.position));
      if (id && id !== selectedActionId) {
        selectingFromEditor.current = true;
        onSelectAction(id);
      }
    });
    guardIncomingText(editor);
    if (initialDeep) editor.updateOptions(DEEP_TEXT_OPTIONS);
    if (initialText !== null) {
      applyText(initialText);
    } else setMarkers(problems);
  };

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const reloadFromCanvas = () => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: lastApplied.current }], () => null);
    setSync({ state: 'synced' });
    setMarkers(problems);
    onDraftText?.(null);
  };

  return (
    <section className="tf-json-view" aria-label={t('json.title')}>
      {sync.state !== 'synced' && (
        <div className="tf-json-status" role="status">
          <strong>{t(sync.state === 'invalid' ? 'json.invalid' : 'json.diverged')}</strong>
          <ul>
            {sync.problems.slice(0, 5).map((p, i) => (
              <li key={i}>
                <code>{p.code}</code> {p.path || '/'} — {named.current(p)}
              </li>
            ))}
            {sync.problems.length > 5 && <li>{t('json.more', { count: sync.problems.length - 5 })}</li>}
          </ul>
          {sync.state === 'diverged' && (
            <button type="button" onClick={reloadFromCanvas}>
              {t('json.loadCanvas')}
            </button>
          )}
        </div>
      )}
      <div className="tf-json-editor">
        <Editor
          defaultLanguage={initialDeep ? 'plaintext' : 'json'}
          defaultPath={WORKFLOW_MODEL_PATH}
          defaultValue={initialText ?? exported}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          onMount={onMount}
          options={{
            readOnly,
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 2,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            wordWrap: 'on',
            // Coloured bracket pairs decorate every bracket: pasted text with 100,000 of them froze the page.
            bracketPairColorization: { enabled: false },
            ariaLabel: t('json.editorLabel'),
          }}
        />
      </div>
    </section>
  );
}
