import type { Scenario } from '../scenario.js';
import { ingestScenario, type IngestScenarioOptions } from './ingest-rate.js';
import { freshnessScenario } from './freshness.js';
import { nodeRedScenario } from './node-red.js';
import { opsViewBrowser } from './ops-view-browser.js';
import { queriesScenario } from './queries.js';
import { rawBrokerScenario } from './raw-broker.js';

/** Every scenario of `npm run bench`, in run order; add one here to have it run, printed and recorded. */
export function allScenarios(options: IngestScenarioOptions = {}): Scenario[] {
  // The ops view first: its demo platform is the one set-up that keeps working (100 readings/s),
  // so a quick run measures it, and stops it, before anything else. Freshness before ingest: a
  // quick run shares one platform between them, and ingest leaves it a backlog.
  return [
    opsViewBrowser,
    rawBrokerScenario,
    freshnessScenario,
    ingestScenario(options),
    queriesScenario,
    nodeRedScenario,
  ];
}
