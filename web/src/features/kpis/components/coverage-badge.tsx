/** Whether a value rests on enough data, in words and a symbol (never colour alone). */
export function CoverageBadge({ sufficient }: { sufficient: boolean }) {
  if (sufficient)
    return (
      <span className="tag" data-testid="coverage-badge" data-sufficient="true">
        <span aria-hidden="true">✓ </span>Enough data
      </span>
    );
  return (
    <span
      className="tag tag--warn"
      data-testid="coverage-badge"
      data-sufficient="false"
      title="Coverage is below the KPI's rule; treat the value with care"
    >
      <span aria-hidden="true">▲ </span>Insufficient data
    </span>
  );
}
