/**
 * GraphiQL's page with its scripts, styles and editor workers inline (@graphql-yoga/render-graphiql),
 * so it works on a network without internet and loads nothing from another host. The page is
 * about 9 MB: the module is loaded only when a browser first asks for it (a gateway with GraphiQL
 * off never holds it), and the page is built once per set of options, not per request.
 */
import type { GraphiQLOptions } from 'graphql-yoga';

export function graphiqlRenderer(): (options: GraphiQLOptions) => Promise<string> {
  let cached: { key: string; page: Promise<string> } | undefined;
  return (options) => {
    const key = JSON.stringify(options);
    if (cached?.key !== key) {
      cached = { key, page: import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options)) };
    }
    return cached.page;
  };
}
