/**
 * One benchmark scenario of `npm run bench`. Each scenario starts what it measures on free ports,
 * ends every process it started, and reports figures; it never fails the build on a missed target.
 */
export interface BenchContext {
  /** `--quick`: a reduced run of the same scenario (the whole quick bench stays under 60 s). */
  readonly quick: boolean;
  /** Progress lines for the terminal (the runner prefixes the scenario name). */
  readonly log: (line: string) => void;
}

/** One printed table row: column name → value (numbers are printed with their unit in the name). */
export type BenchRow = Readonly<Record<string, string | number>>;

export interface ScenarioResult {
  /** Rows of the scenario's table, as printed on the terminal and kept in bench/results/<date>.json. */
  readonly rows: readonly BenchRow[];
  /** Headline figures by key (e.g. `ops_view_load_ms`), merged into the run's summary object. */
  readonly summary: Readonly<Record<string, number>>;
  /** Plain-language notes: what bounded a figure, what was skipped and why. */
  readonly notes?: readonly string[];
  /** RSS and heap of each process at the end of the scenario (`process`, `rss_mb`, `heap_used_mb`, …). */
  readonly memory?: readonly BenchRow[];
}

export interface Scenario {
  /** Kebab-case name, used in `--only <name>` and as the table title. */
  readonly name: string;
  readonly title: string;
  /**
   * Quick runs only: starts what `run` will need (processes left idle, fixtures) through
   * `lib/shared-setup.ts`, so that the runner can start every scenario's set-up side by side before
   * the first measurement. `run` gets the same set-up from the same place.
   */
  prepare?(context: BenchContext): Promise<void>;
  run(context: BenchContext): Promise<ScenarioResult>;
}
