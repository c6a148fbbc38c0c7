import { parseYamlFile, type YamlResult } from '../yaml-file.js';
import { scenarioIssues, type PlanContext } from './scenario-checks.js';
import { ScenarioFileSchema, type ScenarioFile } from './scenario-schema.js';

/**
 * Parses and validates a scenario file's text; every issue carries its line. `plan` is what the
 * referenced plan holds (districts and sensors), so references to it can be checked too.
 */
export function parseScenarioYaml(text: string, plan?: PlanContext): YamlResult<ScenarioFile> {
  return parseYamlFile(text, ScenarioFileSchema, (file) => scenarioIssues(file, plan));
}

/** The plan path a scenario references, read before the full validation that needs the plan. */
export function referencedPlan(text: string): string | undefined {
  const result = parseYamlFile(text, ScenarioFileSchema);
  return result.ok ? result.value.plan : undefined;
}
