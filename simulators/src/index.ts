export * from './errors.js';
export * from './scenarios/rng.js';
export type { Interval, KindDefinition, KindModel, SensorProfile } from './scenarios/model.js';
export type { LocalTime } from './scenarios/time.js';
export type { Climate, WeatherState } from './scenarios/weather.js';
export { DEFAULT_CLIMATE } from './scenarios/weather.js';
export {
  KIND_DEFINITIONS,
  KIND_MODELS,
  SENSOR_KINDS,
  isSensorKind,
  type SensorKind,
} from './scenarios/kinds/index.js';
export * from './scenarios/signal.js';
export { PROFILES, PROFILE_NAMES, genericKind, type ProfileName } from './scenarios/generic-kind.js';
export * from './scenarios/scenario.js';
export * from './scenarios/city.js';
export * from './scenarios/demo-city.js';
export * from './scenarios/large-city.js';
export * from './scenarios/payloads.js';
export * from './scenarios/encode.js';
export * from './scenarios/ngsi-payload.js';
export * from './scenarios/messages.js';
export * from './scenarios/summary.js';
export * from './scenarios/parse-scenario.js';
export * from './scenarios/resolve-scenario.js';
export type { PlanContext } from './scenarios/scenario-checks.js';
export type { ScenarioFile } from './scenarios/scenario-schema.js';
export * from './faults/fault-config.js';
export * from './faults/fault-layer.js';
export * from './faults/malformed.js';
export type { Publisher } from './publish/publisher.js';
export * from './publish/mqtt-publisher.js';
export * from './publish/memory-publisher.js';
export * from './simulation.js';
export * from './run-demo.js';
export * from './run/time-plan.js';
export * from './run/timeline.js';
export * from './run/bounded-sender.js';
export * from './run/progress.js';
export * from './run/run-scenario.js';
export * from './load/load-generator.js';
export * from './load/latency-histogram.js';
export * from './replay/csv-reader.js';
export * from './replay/mapping.js';
export * from './replay/row-reader.js';
export * from './replay/replay.js';
export * from './load-files.js';
export type { FileIssue, YamlResult } from './yaml-file.js';
