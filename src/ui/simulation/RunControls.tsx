import { Download, FastForward, RotateCcw, SkipForward, Square, StepForward } from 'lucide-react';
import type { ComponentType } from 'react';
import { useT } from '../i18n';
import '../i18n/simulation';
import { formatMoment, traceText, type Names } from './names';
import type { SessionSnapshot } from './simulation-session';
import type { RunCommand, SimulationState } from './simulation-store';

function ControlButton({
  icon: Icon,
  label,
  onClick,
  disabled,
  primary,
}: {
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  label: string;
  onClick: () => void;
  disabled?: boolean;
  primary?: boolean;
}) {
  return (
    <button type="button" className={`tf-button${primary ? ' tf-button--primary' : ''}`} disabled={disabled} onClick={onClick}>
      <Icon size={16} aria-hidden />
      {label}
    </button>
  );
}

/**
 * Run to the end, step one event, step one action, reset, stop a long run, export the trace; the
 * virtual clock, how far the timeline has run, what the last step did and which action runs next.
 */
export function RunControls({
  snapshot,
  stale,
  busy,
  totalEvents,
  names,
  disabled,
  onCommand,
  onStop,
  onExport,
}: {
  snapshot: SessionSnapshot | null;
  /** The snapshot is of other inputs: the next command starts over, so a finished run does not block it. */
  stale: boolean;
  busy: SimulationState['busy'];
  totalEvents: number;
  names: Names;
  /** Why nothing can run (no scenario), or null. */
  disabled: string | null;
  onCommand: (command: RunCommand) => void;
  onStop: () => void;
  onExport: () => void;
}) {
  const { t, lang } = useT();
  const done = !stale && (snapshot?.done ?? false);
  const off = busy !== null || disabled !== null;
  const running = snapshot?.running;
  return (
    <div className="tf-sim-run" role="toolbar" aria-label={t('sim.run.toolbar')}>
      <div className="tf-sim-run__buttons">
        <ControlButton icon={FastForward} primary label={t('sim.run.toEnd')} disabled={off || done} onClick={() => onCommand('runToEnd')} />
        <ControlButton icon={SkipForward} label={t('sim.run.stepEvent')} disabled={off || done} onClick={() => onCommand('stepEvent')} />
        <ControlButton icon={StepForward} label={t('sim.run.stepAction')} disabled={off || done} onClick={() => onCommand('stepAction')} />
        <ControlButton icon={RotateCcw} label={t('sim.run.reset')} disabled={off} onClick={() => onCommand('reset')} />
        {busy !== null && <ControlButton icon={Square} label={t('sim.run.stop')} onClick={onStop} />}
        <ControlButton icon={Download} label={t('sim.run.export')} disabled={!snapshot || busy !== null} onClick={onExport} />
      </div>
      <div className="tf-sim-run__status" role="status" aria-live="polite">
        {disabled ? (
          <span>{disabled}</span>
        ) : busy ? (
          <span>{t(busy === 'run' ? 'sim.run.running' : busy === 'compare' ? 'sim.compare.running' : 'sim.run.stepping')}</span>
        ) : snapshot ? (
          <>
            <span className="tf-sim-clock" data-testid="sim-clock">
              {t('sim.run.clock', { time: formatMoment(snapshot.clock, lang, true) })}
            </span>
            <span>{t('sim.run.progress', { applied: snapshot.eventsApplied, total: totalEvents })}</span>
            {done && <strong>{t('sim.run.done')}</strong>}
            {snapshot.last && <span className="tf-sim-run__last">{t('sim.run.last', { detail: traceText(snapshot.last.entry, lang, names) })}</span>}
            {running && (
              <span className="tf-sim-run__next">
                {t('sim.run.next', { action: names.action(running.workflow, running.action), workflow: names.workflow(running.workflow), ticket: running.ticket })}
              </span>
            )}
          </>
        ) : (
          <span>{t('sim.run.notStarted')}</span>
        )}
      </div>
    </div>
  );
}
