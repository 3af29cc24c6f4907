import { ExternalLink, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { IconButton } from '../common/IconButton';
import { useT } from '../i18n';
import '../i18n/settings';

/** The workflows that use an entity, each a button that opens it; nothing when none does. */
export function UsedBy({
  workflows,
  builtIn = [],
  onOpenWorkflow,
}: {
  workflows: readonly { id: string; name: string }[];
  /** Places in the workspace itself, already translated (e.g. a built-in status update). */
  builtIn?: readonly string[];
  onOpenWorkflow: (id: string) => void;
}) {
  const { t } = useT();
  if (workflows.length === 0 && builtIn.length === 0) return null;
  return (
    <div className="tf-used-by">
      <span>{t('settings.usedBy')}</span>
      <ul>
        {builtIn.map((name) => (
          <li key={`builtin-${name}`}>{name}</li>
        ))}
        {workflows.map((w) => (
          <li key={w.id}>
            <button type="button" className="tf-link-button" onClick={() => onOpenWorkflow(w.id)}>
              {w.name}
              <ExternalLink size={12} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Asks before deleting something the workflows or the workspace still use: names every user, so
 * nothing is left dangling without the admin knowing which workflows will report a problem.
 */
function RemovalConfirm({
  name,
  workflows,
  alsoFrom = [],
  onConfirm,
  onCancel,
  onOpenWorkflow,
}: {
  name: string;
  workflows: readonly { id: string; name: string }[];
  /** Other places it is taken out of (teams a user leaves), by name. */
  alsoFrom?: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
  onOpenWorkflow: (id: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="tf-confirm" role="alertdialog" aria-label={t('settings.remove.title', { name })}>
      <p>
        <strong>{t('settings.remove.title', { name })}</strong>
      </p>
      {workflows.length > 0 && (
        <>
          <p>{t('settings.remove.workflows')}</p>
          <UsedBy workflows={workflows} onOpenWorkflow={onOpenWorkflow} />
        </>
      )}
      {alsoFrom.length > 0 && <p>{t('settings.remove.alsoFrom', { names: alsoFrom.join(', ') })}</p>}
      {workflows.length === 0 && alsoFrom.length === 0 && <p>{t('settings.remove.unused')}</p>}
      <div className="tf-settings__buttons">
        <button type="button" className="tf-button tf-button--danger" onClick={onConfirm}>
          {t('settings.remove.confirm')}
        </button>
        <button type="button" className="tf-button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * A delete button that asks first (RemovalConfirm), listing what uses the entity. The lists are
 * worked out only when asked, so a long table does not scan every workflow for every row.
 */
export function DeleteButton({
  name,
  usage,
  onConfirm,
  onOpenWorkflow,
}: {
  name: string;
  usage: () => { workflows: readonly { id: string; name: string }[]; alsoFrom?: readonly string[] };
  onConfirm: () => void;
  onOpenWorkflow: (id: string) => void;
}) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const found = asking ? usage() : null;
  return (
    <>
      <IconButton icon={Trash2} variant="danger" label={t('settings.deleteNamed', { name })} onClick={() => setAsking(true)} />
      {found && (
        <RemovalConfirm
          name={name}
          workflows={found.workflows}
          alsoFrom={found.alsoFrom}
          onOpenWorkflow={onOpenWorkflow}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onConfirm();
          }}
        />
      )}
    </>
  );
}
