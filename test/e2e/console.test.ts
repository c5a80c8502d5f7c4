// The whole review cycle in real headless Chromium, through the local console:
// an employee submits with evidence, the manager sees a flagged mismatch,
// corrects it and approves, HR publishes and posts the summary, the employee
// appeals with evidence files (one on the form, one added later), the manager
// sees them on the appeal card, downloads one, resolves it and the result changes.
// Screenshots of every step go to test/artifacts/console/.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/entry/node.ts';
import { demoFolder } from '../../src/cli/main.ts';
import { rowsOf } from '../../src/db/values-ingest.ts';
import type { Store } from '../../src/db/store.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\n*** browser tests SKIPPED: no Chromium at ${CHROMIUM} (install Debian's chromium package, or set CHROMIUM_PATH) ***\n`);

const ARTIFACTS = 'test/artifacts/console';
let server: Awaited<ReturnType<typeof startServer>>;
let store: Store;
let browser: Browser;
let page: Page;
let dataDir: string;
let base: string;
let step = 0;

async function as(id: string): Promise<void> {
  await page.goto(`${base}/?as=${id}`);
}
async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(ARTIFACTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}
const query = async <T>(text: string) => rowsOf<T>(await store.db.execute(sql.raw(text)));

describe.skipIf(!hasChromium)('the review cycle in the browser', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'pandian-e2e-'));
    server = await startServer({ demoFolder: demoFolder(), log: () => {}, env: { PORT: '0', PANDIAN_DATA_DIR: dataDir, PANDIAN_LANG: 'zh' } });
    store = server.store;
    base = `http://127.0.0.1:${server.port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('dialog', (d) => void d.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('1. the employee attaches evidence and submits', async () => {
    await as('E005');
    const card = page.locator('[data-card-key="submission:2026:E005"]');
    await expect(card.textContent()).resolves.toContain('销售额');
    const letter = join(dataDir, '中标通知书.txt');
    await writeFile(letter, '中标通知书：HT-2026-0134，金额 2,741,724 元');
    await card.locator('input[type=file]').setInputFiles(letter);
    await card.getByTestId('btn:evidence.attach').click();
    await page.waitForLoadState('load');
    await expect(page.locator('[data-testid=reply]').textContent()).resolves.toContain('中标通知书.txt');
    await shot('employee-evidence');
    const fresh = page.locator('[data-testid=tasks] [data-card-key="submission:2026:E005"]');
    await fresh.locator('textarea[name=summary]').fill('全年销售额超额完成，新签海外客户三家');
    await fresh.getByTestId('btn:submission.submit').click();
    await page.waitForLoadState('load');
    await shot('employee-submitted');
    const [s] = await query<{ status: string; summary: string }>(`select status, summary from submissions where employee_id = 'E005'`);
    expect(s).toEqual({ status: 'submitted', summary: '全年销售额超额完成，新签海外客户三家' });
  });

  it('2. the manager sees the flagged mismatch, corrects it and approves', async () => {
    await as('E003');
    const review = page.locator('[data-testid=tasks] article[data-card-key^="review:"]').filter({ hasText: '孙秀英' });
    const text = (await review.textContent()) ?? '';
    // self 2,741,724 vs CRM 2,341,637.19
    expect(text).toContain('2,741,724');
    expect(text).toContain('2,341,637.19');
    expect(text).toContain('中标通知书.txt');
    await expect(review.getByTestId('btn:review.approve').count()).resolves.toBe(0);
    await shot('manager-flagged');
    const correct = review.locator('form[data-form-id^="correct-"]');
    await correct.locator('input[name=value]').fill('2341637.19');
    await correct.getByTestId('btn:anomaly.correct').click();
    await page.waitForLoadState('load');
    const updated = page.locator('[data-testid=tasks] article[data-card-key^="review:"]').filter({ hasText: '孙秀英' });
    await updated.getByTestId('btn:review.approve').click();
    await page.waitForLoadState('load');
    await shot('manager-approved');
    const [s] = await query<{ status: string }>(`select status from submissions where employee_id = 'E005'`);
    expect(s!.status).toBe('approved');
    const [a] = await query<{ status: string; corrected_value: number }>(`select status, corrected_value from anomalies where employee_id = 'E005' and indicator_id = 'sales'`);
    expect(a).toEqual({ status: 'corrected', corrected_value: 2341637.19 });
  });

  it('3. HR moves the cycle to calibration, posts the summary and publishes', async () => {
    await as('E055');
    for (let i = 0; i < 2; i++) {
      await page.locator('[data-testid=tasks] article[data-card-key="cycle:2026"]').getByTestId('btn:cycle.advance').click();
      await page.waitForLoadState('load');
    }
    const diagnosis = page.locator('[data-testid=diagnosis]');
    await expect(diagnosis.locator('img').count()).resolves.toBeGreaterThan(3);
    // Every chart image loads (served only to HR and leaders) and has its size.
    const widths = await diagnosis.locator('img').evaluateAll((imgs: HTMLImageElement[]) =>
      Promise.all(imgs.map((img) => (img.loading = 'eager', img.decode().then(() => img.naturalWidth, () => 0)))),
    );
    expect(widths.every((w) => w >= 400)).toBe(true);
    await shot('hr-calibrating-diagnosis');
    await diagnosis.getByTestId('btn:summary.post').click();
    await page.waitForLoadState('load');
    await page.locator('[data-testid=tasks] article[data-card-key="cycle:2026"]').getByTestId('btn:results.publish').click();
    await page.waitForLoadState('load');
    await shot('hr-published');
    const [n] = await query<{ n: number }>(`select count(*)::int as n from results where cycle_id = '2026'`);
    expect(n!.n).toBe(59);
    await as('E001');
    const summary = page.locator('[data-testid=conversation] article[data-card-key="diagnosis:2026"]');
    await expect(summary.locator('img').count()).resolves.toBeGreaterThan(3);
    // Aggregates only: no employee's name on the leader's summary.
    expect(await summary.textContent()).not.toContain('孙秀英');
    await shot('leader-summary');
  });

  it('4. the employee appeals the result with a file, then adds another', async () => {
    await as('E005');
    const result = page.locator('[data-testid=tasks] article[data-card-key^="result:"]');
    await expect(result.textContent()).resolves.toMatch(/得分|分/);
    const agreement = join(dataDir, '补充协议.pdf');
    await writeFile(agreement, '%PDF-1.4 补充协议 HT-2026-0134-A 金额 200,000 元');
    await result.locator('form[data-form-id=appeal] textarea[name=reason]').fill('合同 HT-2026-0134 的补充协议金额 200,000 元未计入');
    await result.locator('form[data-form-id=appeal] input[type=file]').setInputFiles(agreement);
    await result.getByTestId('btn:result.appeal').click();
    await page.waitForLoadState('load');
    await expect(page.locator('[data-testid=reply]').textContent()).resolves.toContain('补充协议.pdf');
    await shot('employee-appealed');
    const mail = join(dataDir, '客户确认邮件.eml');
    await writeFile(mail, 'Subject: 补充协议确认\n\n金额 200,000 元已于 11 月到账');
    const waiting = page.locator('[data-testid=tasks] article[data-card-key^="result:"]');
    await waiting.locator('form.file-request input[type=file]').setInputFiles(mail);
    await waiting.getByTestId('btn:appeal.attach').click();
    await page.waitForLoadState('load');
    await expect(page.locator('[data-testid=reply]').textContent()).resolves.toMatch(/补充协议\.pdf[^]*客户确认邮件\.eml/);
    await shot('employee-appeal-evidence');
    const [a] = await query<{ status: string }>(`select status from appeals where employee_id = 'E005'`);
    expect(a!.status).toBe('open');
    const files = await query<{ file_name: string; content_type: string }>(`select file_name, content_type from evidence where appeal_id is not null order by created_at`);
    expect(files).toEqual([
      { file_name: '补充协议.pdf', content_type: 'application/pdf' },
      { file_name: '客户确认邮件.eml', content_type: 'message/rfc822' },
    ]);
  });

  it('5. the manager upholds the appeal with a corrected value and the result changes', async () => {
    const [before] = await query<{ score: number; grade: string }>(`select score, grade from results where employee_id = 'E005'`);
    await as('E003');
    const appeal = page.locator('[data-testid=tasks] article[data-card-key^="appeal:"]');
    await expect(appeal.textContent()).resolves.toContain('补充协议');
    // The appeal's files, each a download checked against its SHA-256; a peer is refused.
    const [pdf] = await query<{ sha256: string }>(`select sha256 from evidence where file_name = '补充协议.pdf'`);
    const link = appeal.getByRole('link', { name: '补充协议.pdf' });
    await expect(appeal.textContent()).resolves.toContain(`SHA-256 ${pdf!.sha256.slice(0, 12)}`);
    await expect(appeal.getByRole('link', { name: '客户确认邮件.eml' }).count()).resolves.toBe(1);
    const href = (await link.getAttribute('href'))!;
    const download = await page.request.get(`${base}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['x-content-sha256']).toBe(pdf!.sha256);
    expect(createHash('sha256').update(await download.body()).digest('hex')).toBe(pdf!.sha256);
    await shot('manager-appeal-evidence');
    await as('E006');
    expect((await page.request.get(`${base}${href}`)).status()).toBe(403);
    await as('E003');
    const uphold = appeal.locator('form[data-form-id=uphold]');
    await uphold.locator('input[name="actual:sales"]').fill('2541637.19');
    await uphold.locator('textarea[name=resolution]').fill('补充协议经核实有效，销售额按 2,541,637.19 元计');
    await uphold.getByTestId('btn:appeal.resolve').click();
    await page.waitForLoadState('load');
    await shot('manager-resolved');
    const [after] = await query<{ score: number; grade: string; status: string }>(`select score, grade, status from results where employee_id = 'E005'`);
    // sales weighs 40 %: +200,000 on a target of 2,178,000 adds 40 * 200000 / 2178000 = 3.673 points.
    expect(after!.score - before!.score).toBeCloseTo((40 * 200000) / 2178000, 9);
    await as('E005');
    const conversation = (await page.locator('[data-testid=conversation]').textContent()) ?? '';
    expect(conversation).toContain('补充协议经核实有效');
    await shot('employee-result-changed');
  });
});
