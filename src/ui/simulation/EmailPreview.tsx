import { useMemo } from 'react';
import type { OutboxEmail } from '../../engine';
import type { Workspace } from '../../model';
import { useT } from '../i18n';
import '../i18n/simulation';
import { emailSrcDoc } from './email-preview';

/**
 * An automated email as the contact sees it, inside an iframe with an empty sandbox (no script, no
 * forms, no same origin) whose document carries a CSP that loads nothing remote.
 */
export function EmailPreview({ email, workspace, contactName }: { email: OutboxEmail; workspace: Workspace; contactName: string }) {
  const { t } = useT();
  const srcDoc = useMemo(
    () =>
      emailSrcDoc({
        from: workspace.name,
        to: `${contactName} <${email.to}>`,
        subject: email.subject,
        body: email.body,
        footer: email.footer,
        labels: { from: t('sim.email.from'), to: t('sim.email.to'), subject: t('sim.email.subject') },
      }),
    [email, workspace.name, contactName, t],
  );
  return <iframe className="tf-sim-email" title={t('sim.email.preview', { subject: email.subject })} sandbox="" srcDoc={srcDoc} />;
}
