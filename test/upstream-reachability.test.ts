/**
 * The REST client tells when the upstream stops answering and when it answers again, once per
 * change, with the cause (src/upstream/client.ts, onReachabilityChange); src/main.ts logs it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoUpstream, type DemoUpstream } from '../src/dialects/basedash/demo/upstream.js';
import { wire } from '../src/dialects/basedash/wire.js';
import { UpstreamClient, type ReachabilityChange } from '../src/upstream/client.js';
import { unusedPort } from './helpers/ports.js';

describe('upstream reachability', () => {
  let upstream: DemoUpstream | undefined;
  let client: UpstreamClient | undefined;
  afterEach(async () => {
    await client?.close();
    await upstream?.close();
  });

  it('reports an upstream that refuses connections once, with ECONNREFUSED, and once when it answers again', async () => {
    const port = await unusedPort();
    const changes: ReachabilityChange[] = [];
    client = new UpstreamClient({
      wire,
      baseUrl: new URL(`http://127.0.0.1:${port}`),
      retries: 0,
      onReachabilityChange: (change) => changes.push(change),
    });

    expect(await client.probe(1_000)).toMatchObject({ reachable: false, reason: 'upstream unreachable' });
    await client.probe(1_000);
    expect(changes).toEqual([{ reachable: false, cause: 'ECONNREFUSED' }]);

    upstream = await startDemoUpstream({ port });
    expect(await client.probe(1_000)).toMatchObject({ reachable: true });
    await client.probe(1_000);
    expect(changes).toEqual([{ reachable: false, cause: 'ECONNREFUSED' }, { reachable: true }]);
  });

  it('says nothing about an upstream that answers from the start, even with errors', async () => {
    upstream = await startDemoUpstream();
    upstream.injectFault({ kind: 'status', status: 503 });
    const changes: ReachabilityChange[] = [];
    client = new UpstreamClient({
      wire,
      baseUrl: new URL(upstream.url),
      retries: 0,
      onReachabilityChange: (change) => changes.push(change),
    });
    await client.probe(1_000);
    await client.probe(1_000);
    expect(changes).toEqual([]);
  });
});
