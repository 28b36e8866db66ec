/**
 * A second, deliberately different implementation of the same REST contract, written apart from
 * src/dialects/basedash/demo so the gateway is not tested only against its own demo's habits: it answers a
 * non-member GET with 403 (the public docs leave 403-or-404 open), adds fields the contract does
 * not list, answers create/update with the full object, and sends an `x-request-id`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReferenceUpstream {
  url: string;
  received: Array<{ method: string; url: string; authorization: string | undefined; body: unknown }>;
  close(): Promise<void>;
}

const TOKEN = 'reference-token';

function organization(index: number) {
  return {
    id: `ref-${String(index).padStart(3, '0')}`,
    name: `Reference Org ${index}`,
    slug: `reference-org-${index}`,
    customAiContext: index % 2 === 0 ? null : `context ${index}`,
    onboardingStatus: 'COMPLETED',
    fullEmbedEnabled: false,
    embedAllowedOrigins: [],
    isBillable: true,
    insightsEnabled: true,
    insightsFrequency: 'DAILY',
    insightsPreferredDayOfWeek: null,
    insightsPreferredDayOfMonth: null,
    allowOnDemandAiUsage: false,
    aiUsageOverageLimitCents: null,
    defaultDashboardAccessAudience: 'EVERYONE',
    defaultDashboardAccessLevel: 'VIEW',
    defaultChatAccessAudience: 'CREATOR_ONLY',
    defaultChatAccessLevel: 'MANAGE',
    defaultAutomationAccessAudience: 'CREATOR_GROUPS',
    defaultAutomationAccessLevel: 'EDIT',
    trialEndsAt: '2027-01-15T12:00:00.000Z',
    // Not in the contract: a newer upstream may add fields, and the gateway must not choke.
    createdAt: new Date(Date.UTC(2026, 0, index)).toISOString(),
  };
}

export async function startReferenceUpstream(): Promise<ReferenceUpstream> {
  // Newest first: higher index is newer.
  const organizations = Array.from({ length: 7 }, (_, i) => organization(7 - i));
  const received: ReferenceUpstream['received'] = [];
  let requestCounter = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    requestCounter += 1;
    res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `ref-req-${requestCounter}` });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    received.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return send(res, 401, { error: { title: 'Unauthorized', detail: 'Invalid API key' } });
    }
    const url = new URL(req.url ?? '/', 'http://reference');
    const match = /^\/api\/public\/organizations(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return send(res, 404, { error: { title: 'NotFound', detail: 'No route' } });
    const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
    if (id === undefined && req.method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const cursor = url.searchParams.get('cursor');
      const start = cursor ? organizations.findIndex((org) => org.id === cursor) + 1 : 0;
      const data = organizations.slice(start, start + limit);
      const hasMore = start + limit < organizations.length;
      return send(res, 200, { data, pagination: { nextCursor: hasMore ? data.at(-1)!.id : null, hasMore } });
    }
    if (id === undefined && req.method === 'POST') {
      const created = { ...organization(100 + organizations.length), ...body, id: `ref-new-${organizations.length}` };
      organizations.unshift(created as ReturnType<typeof organization>);
      return send(res, 201, { data: created });
    }
    const found = organizations.find((org) => org.id === id);
    if (!found) return send(res, 403, { error: { title: 'Forbidden', detail: 'Not a member' } });
    if (req.method === 'GET') return send(res, 200, { data: found });
    if (req.method === 'PATCH') {
      Object.assign(found, body);
      return send(res, 200, { data: found });
    }
    return send(res, 405, { error: { title: 'MethodNotAllowed', detail: 'Method not allowed' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const REFERENCE_TOKEN = TOKEN;
