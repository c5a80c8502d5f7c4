// The local web console at `/`: pick a person of the company, see their
// conversation with the bot as rendered cards, click, fill forms, attach files.
// Local only: refused unless the request comes from this machine. The person
// is chosen, not authenticated (a try-out tool); every action is still checked
// on the server exactly as a Slack or Lark press would be.
import { asc, eq, and } from 'drizzle-orm';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Card } from '../../cards/model.ts';
import { CONSOLE_CSS, renderHtml } from '../../cards/index.ts';
import type { Store } from '../../src/db/store.ts';
import { outgoingMessages } from '../../src/db/schema.ts';
import type { Lang } from '../../src/engine/types.ts';
import { handleAction } from '../../src/workflow/dispatch.ts';
import type { WorkflowDeps } from '../../src/workflow/deps.ts';
import { downloadEvidence } from '../../src/workflow/evidence.ts';
import { homeCards } from '../../src/workflow/home.ts';
import { summaryCard } from '../../src/workflow/summary.ts';
import { ConsoleCharts } from './charts.ts';
import { renderPage, type PagePerson } from './page.ts';

export interface ConsoleDeps {
  store: Store;
  lang: Lang;
  /** Decides "this machine"; the Node entry passes the socket's address. */
  remoteAddress: (c: Context) => string | undefined;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function consoleWorkflowDeps(store: Store, lang: Lang, charts: ConsoleCharts): WorkflowDeps {
  return {
    uow: store,
    evidence: store,
    clock: store.clock,
    lang,
    evidenceUrl: (id) => `/console/evidence/${encodeURIComponent(id)}`,
    charts: (cycle, l) => charts.urls(cycle, l),
  };
}

export function registerConsole(app: Hono<any>, deps: ConsoleDeps): void {
  const charts = new ConsoleCharts(deps.store);
  const wf = consoleWorkflowDeps(deps.store, deps.lang, charts);
  const replies = new Map<string, Card>();

  app.use('/', localOnly(deps));
  app.use('/console/*', localOnly(deps));

  app.get('/', async (c) => {
    const lang: Lang = c.req.query('lang') === 'en' ? 'en' : c.req.query('lang') === 'zh' ? 'zh' : ((getCookie(c, 'pandian_lang') as Lang | undefined) ?? deps.lang);
    setCookie(c, 'pandian_lang', lang, { path: '/', sameSite: 'Strict', httpOnly: true });
    const people = await peopleOf(deps.store);
    const asId = c.req.query('as') ?? getCookie(c, 'pandian_as') ?? '';
    const as = people.find((p) => p.id === asId) ?? null;
    if (as) setCookie(c, 'pandian_as', as.id, { path: '/', sameSite: 'Strict', httpOnly: true });
    const reply = as ? (replies.get(as.id) ?? null) : null;
    if (as) replies.delete(as.id);
    const tasks = as ? await homeCards(wf, as.id, lang) : [];
    let extra = '';
    if (as && (as.role === 'hr' || as.role === 'leader')) {
      const cycle = await deps.store.currentCycleId();
      if (cycle) {
        const card = await summaryCard(wf, as.id, cycle, lang, wf.charts).catch(() => null);
        if (card) extra = `<section data-testid="diagnosis"><h2>${lang === 'zh' ? '诊断' : 'Diagnosis'}</h2>${renderHtml(card)}</section>`;
      }
    }
    const conversation = as ? await conversationOf(deps.store, as.id) : [];
    return c.html(renderPage({ lang, people, as, reply, tasks, conversation, renderCard: (card) => renderHtml(card), css: CONSOLE_CSS, extra }));
  });

  app.post('/console/action', async (c) => {
    const asId = getCookie(c, 'pandian_as');
    const lang: Lang = getCookie(c, 'pandian_lang') === 'en' ? 'en' : deps.lang === 'en' && !getCookie(c, 'pandian_lang') ? 'en' : 'zh';
    if (!asId) return c.redirect('/', 303);
    const body = await c.req.parseBody({ all: true });
    const action = parseAction(body.action);
    const form: Record<string, string> = {};
    const files: { fileName: string; contentType: string; data: Uint8Array }[] = [];
    for (const [name, value] of Object.entries(body)) {
      if (name === 'action') continue;
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === 'string') form[name] = v;
        else if (v.size > 0) files.push({ fileName: v.name, contentType: v.type || 'application/octet-stream', data: new Uint8Array(await v.arrayBuffer()) });
      }
    }
    const result = action
      ? await handleAction(wf, { actorId: asId, name: action.name, payload: action.payload, form, files, lang })
      : { ok: false, card: { key: 'notice:bad', title: lang === 'zh' ? '操作未执行' : 'Not done', tone: 'danger' as const, blocks: [{ type: 'markdown' as const, text: lang === 'zh' ? '这个按钮的数据不完整。' : 'This button carries no action.' }] } };
    charts.invalidate();
    replies.set(asId, result.card);
    return c.redirect(`/?as=${encodeURIComponent(asId)}`, 303);
  });

  app.get('/console/evidence/:id', async (c) => {
    const asId = getCookie(c, 'pandian_as');
    if (!asId) return c.text('pick a person first', 403);
    const employee = (await peopleOf(deps.store)).find((p) => p.id === asId);
    if (!employee) return c.text('unknown person', 403);
    const { meta, data } = await downloadEvidence(deps.store, { employeeId: asId, role: employee.role as 'employee' }, c.req.param('id'));
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      'content-type': meta.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
      'x-content-sha256': meta.sha256,
    });
  });

  // Chinese must render on a machine without CJK system fonts: the same Noto Sans SC the charts use.
  app.get('/console/font.ttf', async (c) => {
    const path = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
    return c.body((await readFile(path)) as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'font/ttf', 'cache-control': 'public, max-age=86400' });
  });

  app.get('/console/charts/:cycle/:lang/:file', async (c) => {
    const asId = getCookie(c, 'pandian_as');
    const person = (await peopleOf(deps.store)).find((p) => p.id === asId);
    if (!person || (person.role !== 'hr' && person.role !== 'leader')) return c.text('charts are for HR and leaders', 403);
    const png = await charts.png(c.req.param('cycle'), c.req.param('lang') === 'en' ? 'en' : 'zh', c.req.param('file').replace(/\.png$/, ''));
    if (!png) return c.text('no such chart', 404);
    return c.body(png as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
  });
}

function localOnly(deps: ConsoleDeps) {
  return async (c: Context, next: () => Promise<void>) => {
    const address = deps.remoteAddress(c);
    if (address !== undefined && !LOOPBACK.test(address)) return c.text('The console is available on this machine only.', 403);
    await next();
    return undefined;
  };
}

function parseAction(raw: unknown): { name: string; payload: Record<string, string | number | null> } | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as { name?: unknown; payload?: unknown };
    if (typeof parsed.name !== 'string' || typeof parsed.payload !== 'object' || parsed.payload === null) return null;
    return { name: parsed.name, payload: parsed.payload as Record<string, string | number | null> };
  } catch {
    return null;
  }
}

async function peopleOf(store: Store): Promise<PagePerson[]> {
  const org = await store.org();
  const departments = new Map((await store.loadDepartments()).map((d) => [d.id, d.name]));
  return org.employeeIds().map((id) => {
    const e = org.employee(id)!;
    return { id, name: e.name, role: e.role, department: departments.get(e.departmentId) ?? e.departmentId };
  });
}

async function conversationOf(store: Store, recipient: string): Promise<{ at: string; card: Card }[]> {
  const rows = await store.db
    .select({ card: outgoingMessages.card, at: outgoingMessages.createdAt })
    .from(outgoingMessages)
    .where(and(eq(outgoingMessages.platform, 'console'), eq(outgoingMessages.recipient, recipient)))
    .orderBy(asc(outgoingMessages.id));
  return rows.reverse().map((r) => ({ at: r.at.toISOString().replace('T', ' ').slice(0, 16), card: r.card as Card }));
}
