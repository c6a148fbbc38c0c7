import type { KpiDefinition, KpiSnapshot } from '@ssc-monitor/core';
import { formatPercent } from '../../../lib/format';
import { formulaInWords, spatialInWords, windowInWords } from '../utils/formula-words';
import { referenceLabel } from '../utils/kpi-chart-marks';

/** What the KPI is and how it is computed, with the reference values shipped in the catalogue. */
export function KpiDefinitionFacts({ definition, kpi }: { definition: KpiDefinition; kpi: KpiSnapshot }) {
  const references = definition.references ?? [];
  return (
    <dl className="facts" data-testid="kpi-definition">
      <dt>What it measures</dt>
      <dd>{definition.description}</dd>
      <dt>Formula</dt>
      <dd data-testid="kpi-formula">{formulaInWords(definition.formula)}</dd>
      <dt>Window</dt>
      <dd>{windowInWords(definition.window)}</dd>
      {definition.spatial !== undefined && (
        <>
          <dt>Stations</dt>
          <dd>{spatialInWords(definition.spatial)}</dd>
        </>
      )}
      {definition.coverage !== undefined && (
        <>
          <dt>Enough data</dt>
          <dd>
            Days with at least {definition.coverage.minHoursPerDay} hours of data; at least{' '}
            {formatPercent(definition.coverage.minShare)} of the period covered
          </dd>
        </>
      )}
      <dt>Better when</dt>
      <dd>{definition.direction === 'lower_is_better' ? 'Lower' : 'Higher'}</dd>
      {references.length > 0 && (
        <>
          <dt>Reference values</dt>
          <dd>
            <ul className="plain-list" data-testid="kpi-references">
              {references.map((reference) => (
                <li key={reference.label}>
                  <span className="reference-swatch" aria-hidden="true" />
                  {referenceLabel(reference, definition.unit)}{' '}
                  <span className="muted">— {reference.source}</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>Reference</dt>
      <dd>{definition.reference}</dd>
      <dt>KPI id</dt>
      <dd>
        <code>{definition.id}</code> <span className="muted">· catalogue {kpi.catalogueVersion}</span>
      </dd>
    </dl>
  );
}
