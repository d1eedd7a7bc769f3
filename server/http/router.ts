import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteParams = Record<string, string>;
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: RouteParams,
  url: URL,
) => Promise<void>;

interface Route {
  method: string;
  path: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

/** A minimal method + path router for `/api/*`; `:name` segments become params. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: RouteHandler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      '^' +
        path.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        }) +
        '$',
    );
    this.routes.push({ method, path, pattern, names, handler });
    return this;
  }

  /** Every registered route as method and path pattern (`/api/pixels/:x/:y`), in order. */
  list(): Array<{ method: string; path: string }> {
    return this.routes.map(({ method, path }) => ({ method, path }));
  }

  /** The handler for a request, or 'method_not_allowed' / null when none matches. */
  match(
    method: string,
    pathname: string,
  ): { handler: RouteHandler; params: RouteParams } | 'method_not_allowed' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue;
      const params: RouteParams = {};
      route.names.forEach((name, i) => (params[name] = safeDecode(found[i + 1])));
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method_not_allowed' : null;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes fail validation downstream with a 4xx
  }
}
