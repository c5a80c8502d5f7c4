// Charts for the console: rendered on demand from the stored data, cached
// until the next action changes something.
import { policyFor } from '../../src/engine/policy-lookup.ts';
import { diagnose } from '../../src/engine/diagnose.ts';
import { namesOf } from '../../src/engine/names.ts';
import type { Lang } from '../../src/engine/types.ts';
import type { Store } from '../../src/db/store.ts';

export class ConsoleCharts {
  private cache = new Map<string, Promise<Map<string, { title: string; png: Uint8Array }>>>();

  constructor(private readonly store: Store) {}

  /** Forget rendered charts: the data behind them may have changed. */
  invalidate(): void {
    this.cache.clear();
  }

  private render(cycle: string, lang: Lang) {
    const key = `${cycle}/${lang}`;
    let entry = this.cache.get(key);
    if (!entry) {
      entry = (async () => {
        const data = await this.store.loadDataset();
        const d = diagnose(data, { cycle, lang });
        const { renderDiagnosisCharts } = await import('../../src/charts/render.ts');
        const charts = await renderDiagnosisCharts(d, { names: namesOf(data), policy: policyFor(data, cycle), lang });
        return new Map(charts.map((c) => [c.id, { title: c.title, png: c.png }]));
      })();
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  /** The chart list with console URLs. */
  async urls(cycle: string, lang: Lang): Promise<{ title: string; url: string }[]> {
    const charts = await this.render(cycle, lang);
    return [...charts].map(([id, c]) => ({ title: c.title, url: `/console/charts/${encodeURIComponent(cycle)}/${lang}/${id}.png` }));
  }

  async png(cycle: string, lang: Lang, id: string): Promise<Uint8Array | undefined> {
    return (await this.render(cycle, lang)).get(id)?.png;
  }
}
