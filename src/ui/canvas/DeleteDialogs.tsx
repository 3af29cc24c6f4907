import { useId, useMemo, useState } from 'react';
import { linkLabel, summaryOf } from '../../actions';
import { planDeleteBranch, planDeleteFollowing } from '../../graph';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/canvas';
import { Dialog } from './Dialog';
import { fansOut, pathLinks } from '../../graph/links';

/** The question the store asks before a delete: how many actions go, or which branch path stays. */
export function DeleteDialogs() {
  const dialog = useApp((s) => s.dialog);
  if (!dialog) return null;
  return dialog.type === 'deleteFollowing' ? <DeleteFollowingDialog id={dialog.actionId} /> : <DeleteBranchDialog id={dialog.actionId} />;
}

/** The actions a delete removes, named by their summary (the id secondary), the first eight and a count of the rest. */
function RemovedList({ ids }: { ids: readonly string[] }) {
  const { t } = useT();
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const workspace = useApp((s) => s.workspace);
  const find = (aid: string) => workflow?.actions.find((a) => a.id === aid);
  return (
    <ul className="tf-dialog__list">
      {ids.slice(0, 8).map((x) => {
        const action = find(x);
        return (
          <li key={x}>
            {action ? summaryOf(action, workspace, t, find) : x} <span className="tf-dialog__id">({x})</span>
          </li>
        );
      })}
      {ids.length > 8 && <li>{t('canvas.deleteFollowing.more', { count: ids.length - 8 })}</li>}
    </ul>
  );
}

function DeleteFollowingDialog({ id }: { id: string }) {
  const { t } = useT();
  const store = useAppStore();
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const [plan] = useState(() => (workflow ? planDeleteFollowing(workflow, id) : []));
  const close = () => store.getState().openDialog(null);
  return (
    <Dialog title={t('canvas.deleteFollowing.title')} onCancel={close}>
      <p>{t('canvas.deleteFollowing.body', { count: plan.length })}</p>
      <RemovedList ids={plan} />
      <ConfirmButtons
        confirm={t('canvas.deleteFollowing.confirm', { count: plan.length })}
        focusConfirm
        onCancel={close}
        onConfirm={() => store.getState().deleteFollowing(id)}
      />
    </Dialog>
  );
}

function DeleteBranchDialog({ id }: { id: string }) {
  const { t } = useT();
  const store = useAppStore();
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const action = workflow?.actions.find((a) => a.id === id);
  const name = useId();
  const paths = action && fansOut(action) ? pathLinks(action).map((l) => ({ slot: l.slot, label: linkLabel(l, t) ?? l.slot })) : [];
  const [keep, setKeep] = useState(paths[paths.length - 1]?.slot ?? 'default');
  // What goes with the path kept now: the branch, and the actions only its other paths reach.
  const plan = useMemo(() => (workflow && action ? planDeleteBranch(workflow, id, keep) : []), [workflow, action, id, keep]);
  const close = () => store.getState().openDialog(null);
  return (
    <Dialog title={t('canvas.deleteBranch.title')} onCancel={close}>
      <fieldset className="tf-dialog__fieldset">
        <legend>{t('canvas.deleteBranch.body')}</legend>
        {paths.map((p) => (
          <label key={p.slot} className="tf-dialog__radio">
            <input type="radio" name={name} value={p.slot} checked={keep === p.slot} onChange={() => setKeep(p.slot)} />
            {p.label}
          </label>
        ))}
      </fieldset>
      <p aria-live="polite">{t('canvas.deleteBranch.count', { count: plan.length })}</p>
      <RemovedList ids={plan} />
      <ConfirmButtons
        confirm={t('canvas.deleteBranch.confirm', { count: plan.length })}
        onCancel={close}
        onConfirm={() => store.getState().deleteAction(id, keep)}
      />
    </Dialog>
  );
}

/** Cancel and a destructive confirm; confirming closes the dialog, then runs the command. */
function ConfirmButtons({ confirm, focusConfirm, onCancel, onConfirm }: { confirm: string; focusConfirm?: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useT();
  return (
    <div className="tf-dialog__buttons">
      <button type="button" className="tf-button" onClick={onCancel}>
        {t('canvas.dialog.cancel')}
      </button>
      <button
        type="button"
        className="tf-button tf-button--danger"
        data-autofocus={focusConfirm || undefined}
        onClick={() => {
          onCancel();
          onConfirm();
        }}
      >
        {confirm}
      </button>
    </div>
  );
}
