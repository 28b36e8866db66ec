/**
 * The container image and the Kubernetes manifests, checked against what the gateway really
 * serves and reads. No container runtime is available where the tests run, so the Dockerfile and
 * the manifests are parsed, and the image's command and health check are run directly: the
 * gateway is started from the files the runtime stage copies, with the image's environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig, SETTINGS } from '../src/config.js';
import { LIVENESS_ENDPOINT } from '../src/health.js';
import { startReferenceUpstream, type ReferenceUpstream } from './helpers/reference-upstream.js';
import { unusedPort } from './helpers/ports.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READINESS_ENDPOINT = '/readyz';

/** Environment variables the gateway reads (SETTINGS), and the two Node itself reads. */
const KNOWN_VARIABLES = [...SETTINGS.flatMap((setting) => setting.name.split(' / ')), 'NODE_ENV', 'NODE_OPTIONS'];

/** SHUTDOWN_MARGIN_MS is private to the entry point, which cannot be imported without starting it. */
function shutdownMarginMs(): number {
  const found = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => /\bSHUTDOWN_MARGIN_MS\s*=\s*([\d_]+)/.exec(readFileSync(join(ROOT, 'src', file), 'utf8'))?.[1])
    .find((value) => value !== undefined);
  if (found === undefined) throw new Error('SHUTDOWN_MARGIN_MS = <number> not found under src/');
  return Number(found.replaceAll('_', ''));
}

// ---- Dockerfile ------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string | undefined;
  image: string;
  /** The stage this one starts from, when FROM names an earlier stage. */
  parent: Stage | undefined;
  instructions: Instruction[];
}

/** Enough of Dockerfile syntax for this repository's Dockerfile: comments, `\` continuations, stages. */
function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) {
      pending += `${line.replace(/\\\s*$/, '')} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    if (whole !== '') lines.push(whole);
  }
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, image = '', name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name, image, parent: stages.find((stage) => stage.name === image), instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile: ${keyword} before FROM`);
      stage.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

/** The stage's instructions of one kind, its parents' first (FROM <stage> inherits ENV, WORKDIR, USER). */
const inherited = (stage: Stage, keyword: string): string[] => [
  ...(stage.parent ? inherited(stage.parent, keyword) : []),
  ...all(stage, keyword),
];

function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of inherited(stage, 'ENV')) {
    const pairs = [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)];
    if (pairs.length === 0) throw new Error(`ENV ${args}: write ENV NAME=value`);
    for (const [, name = '', value = ''] of pairs) env[name] = value.replace(/^"(.*)"$/, '$1');
  }
  return env;
}

const workdirOf = (stage: Stage) => inherited(stage, 'WORKDIR').reduce((dir, next) => posix.resolve(dir, next), '/');

/** The argument list of an exec-form (JSON array) CMD, ENTRYPOINT or HEALTHCHECK CMD, else undefined. */
function execForm(args: string): string[] | undefined {
  if (!args.trim().startsWith('[')) return undefined;
  return JSON.parse(args) as string[];
}

function healthcheckOf(stage: Stage): { options: string; command: string[] | undefined } {
  const [args] = all(stage, 'HEALTHCHECK');
  if (args === undefined) throw new Error('Dockerfile: the runtime stage has no HEALTHCHECK');
  const [, options = '', command = ''] = /^((?:--\S+\s+)*)CMD\s+(.*)$/i.exec(args) ?? [];
  return { options, command: execForm(command) };
}

function copiesOf(stage: Stage): Array<{ from: string | undefined; sources: string[]; destination: string }> {
  return all(stage, 'COPY').map((args) => {
    const tokens = args.split(/\s+/);
    const from = tokens.find((token) => token.startsWith('--from='))?.slice('--from='.length);
    const paths = tokens.filter((token) => !token.startsWith('--'));
    return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
  });
}

/** `>=20.19.0`, `>=20 <27`, `a || b`: the comparator forms package.json engines uses here. */
function satisfies(version: string, range: string): boolean {
  const parse = (text: string) => text.split('.').map(Number).concat([0, 0, 0]).slice(0, 3);
  const compare = (a: number[], b: number[]) => a.map((part, i) => part - (b[i] ?? 0)).find((difference) => difference !== 0) ?? 0;
  return range.split('||').some((set) =>
    set
      .trim()
      .split(/\s+/)
      .every((comparator) => {
        const [, operator = '', bound = ''] = /^(>=|<=|>|<|=)?v?(\d+(?:\.\d+){0,2})$/.exec(comparator) ?? [];
        if (bound === '') throw new Error(`engines: unsupported comparator ${comparator}; extend satisfies() in this test`);
        const difference = compare(parse(version), parse(bound));
        return {
          '>=': difference >= 0,
          '<=': difference <= 0,
          '>': difference > 0,
          '<': difference < 0,
          '=': difference === 0,
          '': difference === 0,
        }[operator]!;
      }),
  );
}

/** A subset of .dockerignore matching: exact paths, their contents, and `*`/`**` globs. */
function ignoredBy(patterns: string[], path: string): boolean {
  return patterns.some((pattern) => {
    const regex = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*/g, '[^/]*')}(?:/.*)?$`,
    );
    return regex.test(path);
  });
}

const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const runtime = dockerfile.at(-1)!;
const stageNamed = (name: string | undefined) => dockerfile.find((stage) => stage.name === name);
const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('Dockerfile', () => {
  it('builds on an exactly pinned Node LTS image whose version package.json engines allows', () => {
    const bases = dockerfile.filter((stage) => !stage.parent).map((stage) => stage.image);
    expect(bases.length).toBeGreaterThan(0);
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    for (const image of bases) {
      expect(image).not.toMatch(/:latest$|^[^:]+$/);
      const [, version = '', major = ''] = /^node:((\d+)\.\d+\.\d+)(?:-[a-z0-9-]+)?$/.exec(image) ?? [];
      expect(version, `${image} names a full Node version`).not.toBe('');
      // Even-numbered Node releases are the ones that become LTS.
      expect(Number(major) % 2).toBe(0);
      expect(satisfies(version, engines.node), `${version} satisfies engines ${engines.node}`).toBe(true);
    }
  });

  it('compiles with the dev dependencies in one stage and ships only runtime dependencies, dist/ and package.json', () => {
    const build = dockerfile.find((stage) => all(stage, 'RUN').some((run) => run.includes('npm run build')));
    expect(build, 'a stage runs npm run build').toBeDefined();
    expect(all(build!, 'RUN').some((run) => /\bnpm ci\b/.test(run) && !run.includes('--omit=dev'))).toBe(true);

    const copies = copiesOf(runtime);
    const modules = copies.find((copy) => copy.sources.some((source) => source.endsWith('node_modules')));
    expect(modules?.from, 'node_modules comes from another stage').toBeDefined();
    expect(all(stageNamed(modules!.from)!, 'RUN').some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    expect(copies.find((copy) => copy.sources.some((source) => source.endsWith('dist')))?.from).toBe(build!.name);
    // dist/*.js are ES modules because package.json says "type": "module".
    expect(copies.some((copy) => copy.from === undefined && copy.sources.includes('package.json'))).toBe(true);
    expect(all(runtime, 'RUN'), 'the runtime stage installs nothing itself').toEqual([]);
  });

  it('runs the gateway as a non-root user', () => {
    const user = inherited(runtime, 'USER').at(-1);
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('starts node itself in exec form, so SIGTERM reaches the gateway and not npm or a shell', () => {
    expect(inherited(runtime, 'ENTRYPOINT')).toEqual([]);
    const cmd = all(runtime, 'CMD');
    expect(cmd).toHaveLength(1);
    expect(execForm(cmd[0]!)).toEqual(['node', 'dist/main.js']);
  });

  it('sets only environment variables the gateway reads, with values it accepts, listening on all interfaces on the exposed port', () => {
    const env = envOf(runtime);
    for (const name of Object.keys(env)) expect(KNOWN_VARIABLES, name).toContain(name);
    expect(env['NODE_ENV']).toBe('production');
    // The image names no upstream: the operator sets UPSTREAM_URL at run time, and without it the
    // gateway refuses to start rather than serve the demo API.
    expect(() => loadConfig(env)).toThrow(/UPSTREAM_URL is required when NODE_ENV=production/);
    const config = loadConfig({ ...env, UPSTREAM_URL: 'https://api.example.com' });
    expect(config.host).toBe('0.0.0.0');
    expect(all(runtime, 'EXPOSE')).toEqual([String(config.port)]);
  });

  it('checks health by fetching /livez with node, without curl or wget', () => {
    const { options, command } = healthcheckOf(runtime);
    expect(command?.[0]).toBe('node');
    expect(command!.join(' ')).toMatch(new RegExp(`${LIVENESS_ENDPOINT}\\b`));
    expect(command!.join(' ')).not.toMatch(/\b(curl|wget)\b/);
    expect(options).toMatch(/--timeout=\d+s/);
  });

  it('keeps installed trees, build output, git history and test and bench artifacts out of the build context, but not what it copies', () => {
    for (const path of ['node_modules', 'dist', '.git', 'bench/results', 'coverage', '.env'])
      expect(ignoredBy(dockerignore, path), path).toBe(true);
    const fromContext = dockerfile
      .flatMap((stage) => copiesOf(stage).filter((copy) => copy.from === undefined))
      .flatMap((copy) => copy.sources);
    expect(fromContext.length).toBeGreaterThan(0);
    for (const source of fromContext) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      expect(ignoredBy(dockerignore, source), source).toBe(false);
    }
  });
});

// ---- Kubernetes ------------------------------------------------------------------------------

interface Probe {
  httpGet?: { path: string; port: number | string };
  periodSeconds?: number;
}
interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; runAsNonRoot?: boolean; runAsUser?: number };
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: Record<string, unknown>;
}
interface DeploymentSpec {
  selector: { matchLabels: Record<string, string> };
  template: {
    metadata: { labels: Record<string, string> };
    spec: {
      terminationGracePeriodSeconds?: number;
      securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
      containers: Container[];
    };
  };
}

const manifests: Manifest[] = readdirSync(join(ROOT, 'deploy/kubernetes'))
  .filter((file) => /\.ya?ml$/.test(file))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(ROOT, 'deploy/kubernetes', file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
      return document.toJS() as Manifest;
    }),
  );

function one(kind: string): Manifest {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!;
}

const deployment = () => one('Deployment').spec as unknown as DeploymentSpec;
const gatewayContainer = (): Container => {
  const { containers } = deployment().template.spec;
  expect(containers).toHaveLength(1);
  return containers[0]!;
};
/** The container's literal env values (valueFrom ones are supplied by the cluster). */
const containerEnv = (): Record<string, string> =>
  Object.fromEntries(
    (gatewayContainer().env ?? []).flatMap((variable) => (variable.value === undefined ? [] : [[variable.name, variable.value]])),
  );

const probesOf = (container: Container) =>
  (['startupProbe', 'readinessProbe', 'livenessProbe'] as const).flatMap((kind) =>
    container[kind] ? [[kind, container[kind]] as const] : [],
  );

function containerPort(container: Container, port: number | string): number | undefined {
  return container.ports?.find((entry) => entry.containerPort === port || entry.name === port)?.containerPort;
}

function mebibytes(quantity: string): number {
  const [, amount = '', unit = ''] = /^(\d+)(Mi|Gi)$/.exec(quantity) ?? [];
  if (amount === '') throw new Error(`memory quantity ${quantity}: write it in Mi or Gi`);
  return Number(amount) * (unit === 'Gi' ? 1024 : 1);
}

const isSubset = (labels: Record<string, string>, of: Record<string, string>) =>
  Object.entries(labels).every(([key, value]) => of[key] === value);

describe('Kubernetes manifests', () => {
  it('are a Deployment, a Service, an autoscaling/v2 HorizontalPodAutoscaler and a policy/v1 PodDisruptionBudget for the same pods', () => {
    expect(manifests.map((manifest) => `${manifest.apiVersion} ${manifest.kind}`).sort()).toEqual([
      'apps/v1 Deployment',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'policy/v1 PodDisruptionBudget',
      'v1 Service',
    ]);
    const podLabels = deployment().template.metadata.labels;
    expect(Object.keys(deployment().selector.matchLabels).length).toBeGreaterThan(0);
    expect(isSubset(deployment().selector.matchLabels, podLabels)).toBe(true);
    expect(isSubset(one('Service').spec['selector'] as Record<string, string>, podLabels)).toBe(true);
    expect(isSubset((one('PodDisruptionBudget').spec['selector'] as { matchLabels: Record<string, string> }).matchLabels, podLabels)).toBe(
      true,
    );
  });

  it('probe the gateway’s liveness and readiness endpoints on the port it listens on', () => {
    const container = gatewayContainer();
    const { port } = loadConfig(containerEnv());
    expect(container.livenessProbe?.httpGet?.path).toBe(LIVENESS_ENDPOINT);
    expect(container.readinessProbe?.httpGet?.path).toBe(READINESS_ENDPOINT);
    expect([LIVENESS_ENDPOINT, READINESS_ENDPOINT]).toContain(container.startupProbe?.httpGet?.path);
    expect(container.ports?.map((entry) => entry.containerPort)).toEqual([port]);
    for (const [kind, probe] of probesOf(container)) expect(containerPort(container, probe.httpGet!.port), kind).toBe(port);
  });

  it('route the Service to the gateway’s container port', () => {
    const ports = one('Service').spec['ports'] as Array<{ port: number; targetPort: number | string }>;
    expect(ports.length).toBeGreaterThan(0);
    for (const entry of ports) expect(containerPort(gatewayContainer(), entry.targetPort)).toBe(loadConfig(containerEnv()).port);
  });

  it('set only environment variables the gateway reads, UPSTREAM_URL among them, with values it accepts', () => {
    const names = (gatewayContainer().env ?? []).map((variable) => variable.name);
    for (const name of names) expect(KNOWN_VARIABLES, name).toContain(name);
    expect(names).toContain('UPSTREAM_URL');
    expect(() => loadConfig(containerEnv())).not.toThrow();
  });

  it('give a terminating pod longer than its preStop sleep, the operation timeout and the shutdown margin together', () => {
    const container = gatewayContainer();
    const preStop = container.lifecycle?.preStop;
    const sleepCommand = preStop?.exec?.command;
    const preStopSeconds = preStop?.sleep?.seconds ?? (sleepCommand?.[0] === 'sleep' ? Number(sleepCommand[1]) : 0);
    const { operationTimeoutMs } = loadConfig(containerEnv());
    const needed = preStopSeconds + (operationTimeoutMs + shutdownMarginMs()) / 1000;
    // Kubernetes' default is 30 s; the manifest must say what it relies on.
    expect(deployment().template.spec.terminationGracePeriodSeconds).toBeGreaterThan(needed);
  });

  it('scale on CPU, which needs a CPU request, and bound memory with a heap limit below the container’s', () => {
    const hpa = one('HorizontalPodAutoscaler').spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
      metrics: Array<{ resource?: { name: string } }>;
    };
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: one('Deployment').metadata.name });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.metrics.map((metric) => metric.resource?.name)).toEqual(['cpu']);

    const { resources } = gatewayContainer();
    expect(resources?.requests?.['cpu']).toBeDefined();
    expect(resources?.requests?.['memory']).toBeDefined();
    const limit = mebibytes(resources?.limits?.['memory'] ?? '');
    const [, heap = ''] = /--max-old-space-size=(\d+)/.exec(containerEnv()['NODE_OPTIONS'] ?? '') ?? [];
    expect(Number(heap)).toBeGreaterThan(0);
    expect(Number(heap)).toBeLessThan(limit);
  });

  it('run the image’s non-root user with a read-only root filesystem and no privilege escalation', () => {
    const pod = deployment().template.spec.securityContext ?? {};
    const container = gatewayContainer();
    expect(container.securityContext?.runAsNonRoot ?? pod.runAsNonRoot).toBe(true);
    const uid = container.securityContext?.runAsUser ?? pod.runAsUser;
    expect(uid).toBe(Number(inherited(runtime, 'USER').at(-1)!.split(':')[0]));
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
  });
});

// ---- The image's command, run -----------------------------------------------------------------

/** A directory laid out as the runtime stage's WORKDIR: what its COPY instructions put there. */
function runtimeDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'org-gateway-image-'));
  const workdir = workdirOf(runtime);
  for (const copy of copiesOf(runtime)) {
    const destination = join(directory, posix.relative(workdir, posix.resolve(workdir, copy.destination)));
    for (const source of copy.sources) {
      // A build stage's WORKDIR holds the repository's files as they are here after npm ci and
      // npm run build (dist/ is built by test/global-setup.ts).
      const from = copy.from === undefined ? source : posix.relative(workdirOf(stageNamed(copy.from)!), source);
      const target = copy.destination.endsWith('/') && !source.endsWith('/') ? join(destination, posix.basename(from)) : destination;
      if (from === 'node_modules') symlinkSync(join(ROOT, 'node_modules'), target);
      else cpSync(join(ROOT, from), target, { recursive: true });
    }
  }
  return directory;
}

/** Runs argv as the container would, with `node` being this Node; resolves to the exit code. */
async function run(argv: string[], env: Record<string, string>, cwd: string): Promise<number | null> {
  const child = spawn(argv[0] === 'node' ? process.execPath : argv[0]!, argv.slice(1), { cwd, env, stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('the image’s command and health check, run from the runtime stage’s files', () => {
  let upstream: ReferenceUpstream;
  let directory: string;
  let gateway: ChildProcess;
  let env: Record<string, string>;
  let origin: string;
  let output = '';

  beforeAll(async () => {
    upstream = await startReferenceUpstream();
    directory = runtimeDirectory();
    const port = await unusedPort();
    // The image's environment, plus what `docker run -e` supplies; the port is free one here.
    env = { PATH: process.env['PATH'] ?? '', ...envOf(runtime), PORT: String(port), UPSTREAM_URL: upstream.url };
    origin = `http://127.0.0.1:${port}`;
    const cmd = execForm(all(runtime, 'CMD')[0]!)!;
    gateway = spawn(process.execPath, cmd.slice(1), { cwd: directory, env });
    gateway.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 15_000;
    for (;;) {
      const status = await fetch(`${origin}${LIVENESS_ENDPOINT}`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) break;
      if (gateway.exitCode !== null || Date.now() > deadline) throw new Error(`the image's CMD did not start the gateway:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    if (gateway && gateway.exitCode === null) {
      gateway.kill('SIGKILL');
      await once(gateway, 'exit');
    }
    await upstream?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('answers 200 on every path the Deployment probes', async () => {
    for (const [kind, probe] of probesOf(gatewayContainer())) {
      const response = await fetch(`${origin}${probe.httpGet!.path}`);
      expect(response.status, kind).toBe(200);
    }
  });

  it('passes the HEALTHCHECK while serving, exits 0 on SIGTERM, and then fails the HEALTHCHECK', async () => {
    const healthcheck = healthcheckOf(runtime).command!;
    expect(await run(healthcheck, env, directory)).toBe(0);

    gateway.kill('SIGTERM');
    const [code] = (await once(gateway, 'exit')) as [number | null];
    expect(code, output).toBe(0);

    expect(await run(healthcheck, env, directory)).toBe(1);
  });
});
