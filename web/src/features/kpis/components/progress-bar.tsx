import { formatPercent } from '../../../lib/format';

export interface ProgressBarProps {
  /** (current − baseline) / (target − baseline): 0 at the baseline, 1 at the target; may leave [0, 1]. */
  readonly progress: number | null;
  readonly color: string;
  /** What the bar measures, for screen readers, e.g. "Progress to the 2027 target". */
  readonly label: string;
}

/**
 * The bar is clamped to [0, 1] so it stays in its box; the number beside it is not, so a KPI that has
 * moved away from its target (negative) or beyond it (over 100%) still says so. The fill is scaled
 * rather than sized, so a live update repaints the bar without laying out the tile again.
 */
export function ProgressBar({ progress, color, label }: ProgressBarProps) {
  const filled = progress === null ? 0 : Math.min(1, Math.max(0, progress));
  const text = formatPercent(progress);
  return (
    <div className="progress" data-testid="kpi-progress" data-progress={progress ?? ''}>
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(filled * 100)}
        aria-valuetext={text}
      >
        <div className="progress__fill" style={{ transform: `scaleX(${filled})`, background: color }} />
      </div>
      <span className="progress__text">{text}</span>
    </div>
  );
}
