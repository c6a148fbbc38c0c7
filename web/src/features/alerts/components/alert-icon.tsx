import type { AlertKind } from '../../../lib/alerts/alert-types';

/** Each kind its own shape: octagon (KPI off track), broken signal (silent sensor), stacked envelopes (burst). */
export function AlertIcon({ kind }: { kind: AlertKind }) {
  const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 2.2, strokeLinecap: 'round' as const };
  return (
    <svg className="alert-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {kind === 'kpi_off_track' && (
        <>
          <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" fill="currentColor" />
          <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" {...stroke} stroke="#0b0f14" />
        </>
      )}
      {kind === 'sensor_silent' && (
        <>
          <path d="M4 9a11 11 0 0 1 16 0M7 12.5a7 7 0 0 1 10 0" {...stroke} />
          <circle cx="12" cy="16.5" r="1.8" fill="currentColor" />
          <path d="M3 3l18 18" {...stroke} />
        </>
      )}
      {kind === 'dead_letter_burst' && (
        <>
          <rect x="3" y="8" width="14" height="11" rx="1.5" {...stroke} />
          <path d="M3 9l7 5 7-5" {...stroke} />
          <path d="M7 5h12.5a1.5 1.5 0 0 1 1.5 1.5V15" {...stroke} />
        </>
      )}
    </svg>
  );
}

export const KIND_LABELS: Readonly<Record<AlertKind, string>> = {
  kpi_off_track: 'KPI off track',
  sensor_silent: 'Sensor silent',
  dead_letter_burst: 'Rejected messages',
};
