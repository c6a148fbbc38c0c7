import type { CSSProperties } from 'react';
import { Panel } from '../../../components/ui/panel';
import type { KpiGroup } from '../utils/group';
import { statusSummary } from '../../../lib/kpi-status';
import { KpiTile } from './kpi-tile';

/** Five tiles across fill a 1920 px wall screen at a size readable from the back of the room. */
const MAX_COLUMNS = 5;

/** One dimension of the plan; its width on the screen follows its number of tiles. */
export function KpiGroupPanel({ group }: { group: KpiGroup }) {
  const summary = statusSummary(group.kpis.map((kpi) => kpi.status));
  return (
    <Panel
      title={group.dimension}
      label={`${group.dimension} KPIs`}
      className="kpi-group"
      testId="kpi-group"
      style={{ '--cols': Math.min(group.kpis.length, MAX_COLUMNS) } as CSSProperties}
      actions={<p className="kpi-group__summary">{summary}</p>}
    >
      <div className="kpi-group__tiles">
        {group.kpis.map((kpi) => (
          <KpiTile key={kpi.id} kpi={kpi} />
        ))}
      </div>
    </Panel>
  );
}
