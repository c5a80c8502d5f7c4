import { describe, expect, it } from 'vitest';
import { escapeMarkdown, parseInline, parseMarkdown, plainText } from './markdown.ts';
import { toMrkdwn } from './render/block-kit.ts';
import { markdownToHtml } from './render/html.ts';
import { toLarkMarkdown } from './render/lark.ts';

const strip = (s: string) => s.replace(/\u200b/g, '');

describe('the neutral markdown subset', () => {
  it.each([
    ['**b** _i_ `c` [t](https://x.test)', 'b i c t'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['unclosed **bold and _it', 'unclosed **bold and _it'],
    ['**外**_内_', '外内'],
  ])('parses %s', (md, text) => {
    expect(plainText(md)).toBe(text);
  });

  it('round-trips escaped data literally', () => {
    for (const data of ['a*b*c', '**x**', '[t](u)', 'x_y_', '`code`', 'back\\slash', '<script>']) {
      expect(plainText(escapeMarkdown(data))).toBe(data);
      expect(parseInline(escapeMarkdown(data))).toEqual([{ t: 'text', v: data }]);
    }
  });

  it('knows list lines', () => {
    expect(parseMarkdown('- a\n2. b\n\nc').map((l) => l.kind)).toEqual(['li', 'ol', 'blank', 'p']);
  });
});

describe('per platform', () => {
  const md = '**粗** _斜_ `a<b` [链接](https://x.test/a_b) & <x>\n- 项\n' + escapeMarkdown('*not bold*');

  it('Slack mrkdwn', () => {
    expect(strip(toMrkdwn(md))).toBe('*粗* _斜_ `a&lt;b` <https://x.test/a_b|链接> &amp; &lt;x&gt;\n• 项\n*not bold*');
  });

  it('Lark markdown escapes data characters as entities', () => {
    expect(toLarkMarkdown(md)).toBe('**粗** *斜* `a<b` [链接](https://x.test/a_b) &#38; &#60;x&#62;\n- 项\n&#42;not bold&#42;');
    expect(toLarkMarkdown('# not a heading')).toBe('&#35; not a heading');
  });

  it('HTML', () => {
    expect(markdownToHtml(md)).toBe(
      '<p><strong>粗</strong> <em>斜</em> <code>a&lt;b</code> <a href="https://x.test/a_b" target="_blank" rel="noopener noreferrer">链接</a> &amp; &lt;x&gt;</p>' +
        '<ul><li>项</li></ul><p>*not bold*</p>',
    );
  });
});
