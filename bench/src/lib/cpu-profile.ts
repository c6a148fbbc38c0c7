/** The parts of a V8 `.cpuprofile` (as written by `node --cpu-prof`) that self time needs. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  /** `function (file:line)`, file relative to node_modules or the repository. */
  readonly frame: string;
  readonly ms: number;
  /** Share of all sampled time, %. */
  readonly share: number;
}

/** Shortens a frame's URL to what tells it apart: the package path under node_modules, else the repo path. */
export function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules !== -1) return url.slice(modules + 'node_modules/'.length);
  const src = /\/((?:core|ingest|api|simulators|web|bench)\/src\/.*)$/.exec(url);
  return src?.[1] ?? url.replace(/^file:\/\//, '');
}

/** Self time per function (summed over its call sites), largest first. */
export function topSelfTime(profile: CpuProfile, limit = 20): SelfTime[] {
  const frameOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    frameOf.set(node.id, url ? `${name} (${shortUrl(url)}:${lineNumber + 1})` : name);
  }
  const micros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const frame = frameOf.get(id) ?? '(unknown)';
    micros.set(frame, (micros.get(frame) ?? 0) + delta);
    total += delta;
  });
  return [...micros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, us]) => ({
      frame,
      ms: Math.round(us / 1000),
      share: total === 0 ? 0 : Math.round((us / total) * 1000) / 10,
    }));
}
