import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';
import '../i18n/app';
import './common.css';

interface Props {
  /** The panel's name as the user reads it ("Canvas", "Simulation"). */
  name: string;
  /** A change of this value (a new workflow, another tab) clears a caught error and tries again. */
  resetKey?: unknown;
  children?: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps an error in one panel inside that panel: the rest of the app goes on working, the panel says
 * what went wrong in place and offers to try again (work in the store is untouched, so nothing is
 * lost). Rendering user text must never blank the page; this is the net under every panel.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel stopped:`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return <PanelFailure name={this.props.name} error={this.state.error} onRetry={() => this.setState({ error: null })} />;
  }
}

function PanelFailure({ name, error, onRetry }: { name: string; error: Error; onRetry: () => void }) {
  const { t } = useT();
  return (
    <div className="tf-panel-failure" role="alert">
      <p>
        <strong>{t('app.panelFailed', { name })}</strong> {t('app.panelFailed.kept')}
      </p>
      <p className="tf-panel-failure__detail">
        <code>{error.message.slice(0, 300)}</code>
      </p>
      <button type="button" className="tf-button" onClick={onRetry}>
        {t('app.panelFailed.retry')}
      </button>
    </div>
  );
}
