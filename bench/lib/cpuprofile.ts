/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and says where the time went: the top
 * functions by self time, self time grouped by package, and the same grouping with time spent in
 * node core and V8 builtins charged to the nearest calling package (so JSON.parse called by undici
 * counts for undici), plus the project's own functions by total (inclusive) time.
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Microseconds on the monotonic clock. */
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds between consecutive samples (the first from startTime). */
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  location: string;
  group: string;
  ms: number;
  /** Share of the busy (non-idle) time in the window. */
  share: number;
}

export interface GroupTime {
  group: string;
  selfMs: number;
  selfShare: number;
  attributedMs: number;
  attributedShare: number;
}

export interface ProfileAnalysis {
  windowMs: number;
  busyMs: number;
  idleMs: number;
  samples: number;
  topSelf: FunctionTime[];
  topTotal: FunctionTime[];
  groups: GroupTime[];
}

/** Packages that belong to one layer of the stack, reported together. */
const PACKAGE_GROUPS: readonly [RegExp, string][] = [
  [/^graphql$/, 'graphql'],
  // yoga executes with @graphql-tools/executor (a fork of graphql-js's execute), so that is where
  // resolver scheduling and result completion show up.
  [/^@graphql-tools\/.*$/, 'graphql-tools (executor)'],
  [
    /^(graphql-yoga|@graphql-yoga\/.*|@envelop\/.*|@whatwg-node\/.*|@repeaterjs\/.*|urlpattern-polyfill|dset|lru-cache)$/,
    'yoga/envelop/whatwg-node',
  ],
  [/^@pothos\/.*$/, 'pothos'],
  [/^undici$/, 'undici'],
  [/^(ajv|ajv-formats|fast-uri|fast-deep-equal|json-schema-traverse)$/, 'ajv'],
  [/^zod$/, 'zod'],
  [/^dataloader$/, 'dataloader'],
  [
    /^(pino|pino-std-serializers|sonic-boom|thread-stream|fast-redact|@pinojs\/.*|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify)$/,
    'pino (logging)',
  ],
  [/^(prom-client|tdigest|bintrees)$/, 'prom-client (metrics)'],
  [/^@opentelemetry\/.*$/, 'opentelemetry'],
  [/^@escape\.tech\/.*$/, 'graphql-armor'],
  [/^cockatiel$/, 'cockatiel'],
  [/^graphql-scalars$/, 'graphql-scalars'],
  [/^(tsx|esbuild|get-tsconfig|@esbuild\/.*)$/, 'tsx loader'],
];

export const GC = 'GC';
const PROGRAM = 'V8 (program: compiler, runtime, unattributed)';
const IDLE = 'idle';
const NATIVE = 'V8 builtins / native';

function packageOf(url: string): string | undefined {
  const marker = '/node_modules/';
  const at = url.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = url.slice(at + marker.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : rest[0];
}

/** The group a frame belongs to; `sourceRoot` is the file URL of the project's own src/. */
export function groupOf(frame: CpuProfileNode['callFrame'], sourceRoot: string): string {
  const { functionName, url } = frame;
  if (functionName === '(garbage collector)') return GC;
  if (functionName === '(program)') return PROGRAM;
  if (functionName === '(idle)') return IDLE;
  if (functionName === '(root)') return '(root)';
  if (url.startsWith(sourceRoot)) return 'own src';
  const pkg = packageOf(url);
  if (pkg) return PACKAGE_GROUPS.find(([pattern]) => pattern.test(pkg))?.[1] ?? `other: ${pkg}`;
  if (url.startsWith('node:')) {
    // node:_http_server, node:net, node:internal/streams/readable, node:internal/http …
    if (/^(internal\/)?_?(http|net|stream|tls|dns|dgram|socket)/.test(url.slice('node:'.length))) return 'node core: http/net/streams';
    return 'node core: other';
  }
  if (url === '') return NATIVE;
  return 'other';
}

/** Only groups that are libraries or own code can be charged for the node core and builtins they call. */
const isChargeable = (group: string) => !group.startsWith('node core') && group !== NATIVE && group !== '(root)' && group !== 'other';

export function analyzeProfile(
  profile: CpuProfile,
  options: {
    sourceRoot: string;
    fromUs?: number;
    toUs?: number;
    top?: number;
    /** Maps a 0-based position in an own file to its 1-based TypeScript line (see ./source-locations.ts). */
    locate?: (url: string, line: number, column: number) => number | undefined;
  },
): ProfileAnalysis {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const group = new Map(profile.nodes.map((node) => [node.id, groupOf(node.callFrame, options.sourceRoot)]));

  // Nearest chargeable ancestor group, memoised per node.
  const charged = new Map<number, string>();
  const chargeOf = (id: number): string => {
    const known = charged.get(id);
    if (known !== undefined) return known;
    const own = group.get(id) ?? 'other';
    let result = own;
    if (!isChargeable(own) && own !== GC && own !== PROGRAM && own !== IDLE) {
      const up = parent.get(id);
      const inherited = up === undefined ? undefined : chargeOf(up);
      if (inherited !== undefined && isChargeable(inherited)) result = inherited;
    }
    charged.set(id, result);
    return result;
  };

  const from = options.fromUs ?? -Infinity;
  const to = options.toUs ?? Infinity;
  const selfUs = new Map<number, number>();
  const totalByKey = new Map<string, number>();
  let time = profile.startTime;
  let windowUs = 0;
  let idleUs = 0;
  let counted = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    const next = i + 1 < profile.samples.length ? time + (profile.timeDeltas[i + 1] ?? 0) : profile.endTime;
    if (time < from || time > to) continue;
    const id = profile.samples[i] as number;
    const duration = Math.max(0, next - time);
    windowUs += duration;
    counted++;
    if (group.get(id) === IDLE) {
      idleUs += duration;
      continue;
    }
    selfUs.set(id, (selfUs.get(id) ?? 0) + duration);
    // Inclusive time: once per distinct function on the sampled stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node) break;
      const key = functionKey(node);
      if (seen.has(key)) continue;
      seen.add(key);
      totalByKey.set(key, (totalByKey.get(key) ?? 0) + duration);
    }
  }
  const busyUs = windowUs - idleUs;

  const selfByKey = new Map<string, { node: CpuProfileNode; us: number }>();
  const groupSelf = new Map<string, number>();
  const groupCharged = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id) as CpuProfileNode;
    const key = functionKey(node);
    const entry = selfByKey.get(key) ?? { node, us: 0 };
    entry.us += us;
    selfByKey.set(key, entry);
    const own = group.get(id) ?? 'other';
    groupSelf.set(own, (groupSelf.get(own) ?? 0) + us);
    const charge = chargeOf(id);
    groupCharged.set(charge, (groupCharged.get(charge) ?? 0) + us);
  }

  const top = options.top ?? 25;
  const describe = (node: CpuProfileNode, us: number): FunctionTime => ({
    name: node.callFrame.functionName || '(anonymous)',
    location: shortLocation(node.callFrame, options.sourceRoot, options.locate),
    group: group.get(node.id) ?? 'other',
    ms: us / 1000,
    share: busyUs > 0 ? us / busyUs : 0,
  });
  const topSelf = [...selfByKey.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map(({ node, us }) => describe(node, us));
  const keyNode = new Map(profile.nodes.map((node) => [functionKey(node), node]));
  const topTotal = [...totalByKey.entries()]
    .map(([key, us]) => ({ node: keyNode.get(key) as CpuProfileNode, us }))
    .filter(({ node }) => group.get(node.id) === 'own src')
    .sort((a, b) => b.us - a.us)
    .slice(0, 15)
    .map(({ node, us }) => describe(node, us));

  const groups = [...new Set([...groupSelf.keys(), ...groupCharged.keys()])]
    .map((name) => ({
      group: name,
      selfMs: (groupSelf.get(name) ?? 0) / 1000,
      selfShare: busyUs > 0 ? (groupSelf.get(name) ?? 0) / busyUs : 0,
      attributedMs: (groupCharged.get(name) ?? 0) / 1000,
      attributedShare: busyUs > 0 ? (groupCharged.get(name) ?? 0) / busyUs : 0,
    }))
    .sort((a, b) => b.selfMs - a.selfMs);

  return { windowMs: windowUs / 1000, busyMs: busyUs / 1000, idleMs: idleUs / 1000, samples: counted, topSelf, topTotal, groups };
}

function functionKey(node: CpuProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  return `${functionName}|${url}|${lineNumber}|${columnNumber}`;
}

/** `src/….ts:line` for own files (mapped to TypeScript when `locate` can), `package/path:line` for libraries. */
export function shortLocation(
  frame: CpuProfileNode['callFrame'],
  sourceRoot: string,
  locate?: (url: string, line: number, column: number) => number | undefined,
): string {
  if (!frame.url) return '';
  let url = frame.url;
  // Positions are 0-based and refer to the code V8 ran (compiled files, or tsx's one-line output).
  let line: number | string = frame.lineNumber + 1;
  if (url.startsWith(sourceRoot)) {
    const original = locate?.(url, frame.lineNumber, frame.columnNumber);
    line = original ?? `${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    // The compiled runner's tree mirrors src/ with .js for .ts.
    url = `src/${url.slice(sourceRoot.length).replace(/\.js$/, '.ts')}`;
  } else {
    const at = url.lastIndexOf('/node_modules/');
    if (at >= 0) url = url.slice(at + '/node_modules/'.length);
  }
  return `${url}:${line}`;
}
