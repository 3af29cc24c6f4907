import { useId, type ComponentType, type MouseEventHandler } from 'react';
import './common.css';

/**
 * A button that shows only an icon; `label` is its accessible name and tooltip. `reason`, when
 * set and the button is disabled, says why (read out with the button and shown in its tooltip).
 */
export function IconButton({
  icon: Icon,
  label,
  onClick,
  disabled,
  reason,
  variant,
}: {
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  label: string;
  onClick: MouseEventHandler<HTMLButtonElement>;
  disabled?: boolean;
  reason?: string;
  variant?: 'danger';
}) {
  const id = useId();
  const why = disabled && reason ? reason : undefined;
  return (
    <>
      <button
        type="button"
        className={`tf-icon-button${variant ? ` tf-icon-button--${variant}` : ''}`}
        aria-label={label}
        aria-describedby={why ? id : undefined}
        title={why ? `${label} — ${why}` : label}
        disabled={disabled}
        onClick={onClick}
      >
        <Icon size={16} aria-hidden />
      </button>
      {why && (
        <span id={id} className="tf-visually-hidden">
          {why}
        </span>
      )}
    </>
  );
}
