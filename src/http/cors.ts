/**
 * CORS with an allow-list of exact origins (e.g. `https://app.example.com`); with an empty list no
 * other origin may read answers. yoga's default, without this, echoes any request's Origin back.
 *
 * A refused origin gets no CORS headers at all. (A static list given to yoga answers a stranger
 * with `Access-Control-Allow-Origin: null`, which sandboxed iframes and `data:` pages, whose
 * origin is "null", would pass.) Credentials are never allowed: the gateway authenticates with a
 * bearer token in a header, not with cookies.
 */
import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

/** yoga's `cors` option for this allow-list. */
export function corsAllowList(origins: readonly string[]): CorsOption {
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    // Methods are listed, not echoed; request headers are echoed, since an allowed origin is trusted.
    return { origin, methods: ['GET', 'POST'], credentials: false, maxAge: 600 };
  };
}

/**
 * Answers vary by Origin once there is an allow-list, so a shared cache must not serve one
 * origin's answer (with its Allow-Origin) to another. yoga adds no `Vary: Origin` when given a
 * single origin, which is what corsAllowList() gives it for each request.
 */
export function useVaryByOrigin(origins: readonly string[]): Plugin {
  if (origins.length === 0) return {};
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary?.split(',').some((value) => value.trim().toLowerCase() === 'origin')) {
        response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
      }
    },
  };
}
