import type { App, AppDeps } from '../app.ts';

export function registerHealth(app: App, deps: AppDeps): void {
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const r = await deps.store.readiness();
    return c.json({ ready: r.ready, detail: r.detail }, r.ready ? 200 : 503);
  });
}
