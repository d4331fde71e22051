import { INestApplication } from '@nestjs/common';

/**
 * The routes a service's HTTP server answers under /api, /health and /metrics, as
 * `method path` with Express's `:param`; the OpenAPI document's own and the web pages' are left
 * out.
 */
export function servedRoutes(app: INestApplication): string[] {
  const { router } = app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return router.stack
    .flatMap(({ route }) =>
      route && /^\/(api|health|metrics)\b/.test(route.path) && !route.path.startsWith('/api/docs')
        ? Object.keys(route.methods).map((method) => `${method} ${route.path}`)
        : [],
    )
    .sort();
}

/** The operations of an OpenAPI document, written as `servedRoutes` writes them. */
export function documentedRoutes(document: { paths: object }): string[] {
  return Object.entries(document.paths as Record<string, object>)
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path.replace(/{(\w+)}/g, ':$1')}`),
    )
    .sort();
}
