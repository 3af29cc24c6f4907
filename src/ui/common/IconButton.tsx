import type { ComponentType, MouseEventHandler } from 'react';
import './common.css';

/**
 * A button that shows only an icon; `label` is its accessible name and tooltip. `reason`, when
 * set, says why the button is disabled (read out with the button and shown as its tooltip).
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
  const title = disabled && reason ? `${label} — ${reason}` : label;
  return (
    <button
      type="button"
      className={`tf-icon-button${variant ? ` tf-icon-button--${variant}` : ''}`}
      aria-label={label}
      aria-description={disabled && reason ? reason : undefined}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon size={16} aria-hidden />
    </button>
  );
}
