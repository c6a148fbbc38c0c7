import type { KpiStatus } from '@ssc-monitor/core';
import { STATUS_META, type StatusIconShape } from '../../lib/kpi-status';
import './status-badge.css';

/** Distinct shapes per status: circle-check, triangle-exclamation, octagon-cross, dashed ring. */
function StatusIcon({ shape }: { shape: StatusIconShape }) {
  const common = { fill: 'none', stroke: 'currentColor', strokeWidth: 2.5, strokeLinecap: 'round' as const };
  return (
    <svg className="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {shape === 'check' && (
        <>
          <circle cx="12" cy="12" r="10" fill="currentColor" />
          <path d="M7 12.5l3.2 3.2L17 9" {...common} stroke="#0b0f14" />
        </>
      )}
      {shape === 'warning' && (
        <>
          <path d="M12 2.5L22.5 21h-21z" fill="currentColor" />
          <path d="M12 9v5.5M12 17.8v.2" {...common} stroke="#0b0f14" />
        </>
      )}
      {shape === 'cross' && (
        <>
          <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" fill="currentColor" />
          <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" {...common} stroke="#0b0f14" />
        </>
      )}
      {shape === 'dash' && (
        <>
          <circle cx="12" cy="12" r="9.5" {...common} strokeDasharray="3 3" />
          <path d="M8 12h8" {...common} />
        </>
      )}
    </svg>
  );
}

export interface StatusBadgeProps {
  readonly status: KpiStatus;
  readonly size?: 'normal' | 'large';
}

/** Status by colour, icon and words together, never by colour alone. */
export function StatusBadge({ status, size = 'normal' }: StatusBadgeProps) {
  const meta = STATUS_META[status];
  return (
    <span
      className={`status-badge status-badge--${size}`}
      style={{ color: meta.color }}
      title={meta.description}
      data-testid="kpi-status"
    >
      <StatusIcon shape={meta.icon} />
      <span className="status-badge__label">{meta.label}</span>
    </span>
  );
}
