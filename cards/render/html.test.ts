import { describe, expect, it } from 'vitest';
import { renderHtml, textHtml } from './html.ts';

describe('console HTML symbols', () => {
  it('draws the severity emoji as coloured text symbols, since a server may have no emoji font', () => {
    expect(textHtml('🔴 高风险')).toBe('<span class="sym sym-high">●</span> 高风险');
    expect(textHtml('⚠️ 注意 <b>')).toBe('<span class="sym sym-warn">！</span> 注意 &lt;b&gt;');
    expect(textHtml('📎 上传')).toBe(' 上传');
  });
  it('keeps emoji out of attribute values', () => {
    const html = renderHtml({ key: 'k', title: '🔴 t', blocks: [{ type: 'actions', buttons: [{ label: '✅ ok', action: { name: 'x', payload: {} }, confirm: { title: '⚠ sure?', text: 't', ok: 'ok', cancel: 'no' } }] }] });
    expect(html).toContain('<h2><span class="sym sym-high">●</span> t</h2>');
    expect(html).not.toMatch(/="[^"]*<span/);
  });
});
