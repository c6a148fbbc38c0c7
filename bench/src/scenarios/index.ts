import type { Scenario } from '../scenario.js';
import { ingestScenario, type IngestScenarioOptions } from './ingest-rate.js';
import { freshnessScenario } from './freshness.js';
import { nodeRedScenario } from './node-red.js';
import { opsViewBrowser } from './ops-view-browser.js';
import { queriesScenario } from './queries.js';
import { rawBrokerScenario } from './raw-broker.js';

/** Every scenario of `npm run bench`, in run order; add one here to have it run, printed and recorded. */
export function allScenarios(options: IngestScenarioOptions = {}): Scenario[] {
  // Freshness before ingest: a quick run shares one platform, and ingest leaves it a backlog.
  return [
    rawBrokerScenario,
    freshnessScenario,
    ingestScenario(options),
    queriesScenario,
    nodeRedScenario,
    opsViewBrowser,
  ];
}
