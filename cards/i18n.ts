// Words shared by several cards and the few a renderer adds itself. Each
// builder keeps its own sentences in a table beside it; both languages of a
// table have the same keys, which the type of the English table enforces.
import type { AnomalyKind, Lang, Severity, Source } from '../src/engine/types.ts';

export type { Lang };

const EN = {
  source: { system: 'system', self: 'self-reported', manager: 'manager' } satisfies Record<Source, string>,
  anomaly: {
    outlier: 'Outlier',
    mismatch: 'Self vs system mismatch',
    missing: 'Missing value',
    duplicate: 'Duplicate',
  } satisfies Record<AnomalyKind, string>,
  severity: { high: 'high', medium: 'medium', low: 'low' } satisfies Record<Severity, string>,
  stage: {
    draft: 'Draft',
    collecting: 'Collecting',
    reviewing: 'Reviewing',
    calibrating: 'Calibrating',
    published: 'Published',
    closed: 'Closed',
  } as Record<string, string>,
  yes: 'Yes',
  no: 'No',
  none: 'none',
  cycle: 'Cycle',
  deadline: 'Deadline',
  target: 'target',
  weight: 'weight',
  // Renderer chrome.
  cancel: 'Cancel',
  upload: 'Upload',
  filesInChat: 'Send the files to me in this chat as messages; I attach them as evidence.',
};

const ZH: typeof EN = {
  source: { system: '系统', self: '自报', manager: '主管' },
  anomaly: { outlier: '离群值', mismatch: '自报与系统不一致', missing: '缺少数据', duplicate: '重复数据' },
  severity: { high: '高', medium: '中', low: '低' },
  stage: { draft: '草稿', collecting: '填报', reviewing: '审核', calibrating: '校准', published: '已发布', closed: '已关闭' },
  yes: '是',
  no: '否',
  none: '无',
  cycle: '周期',
  deadline: '截止',
  target: '目标',
  weight: '权重',
  cancel: '取消',
  upload: '上传',
  filesInChat: '请直接在本会话中把文件发给我，我会把它们附为证据。',
};

export const COMMON: Record<Lang, typeof EN> = { zh: ZH, en: EN };

/** The common words of a language; unknown or missing languages fall back to Chinese. */
export function common(lang: Lang | undefined): typeof EN {
  return COMMON[lang ?? 'zh'] ?? ZH;
}

/** One table per language, same keys; pick the card's. */
export function pick<T>(lang: Lang, table: Record<Lang, T>): T {
  return table[lang] ?? table.zh;
}

export const SEVERITY_ICON: Record<Severity, string> = { high: '🔴', medium: '🟠', low: '🟡' };
