// The console's one page: a person picker, their tasks and their conversation
// with the bot, every card rendered by the HTML renderer.
import type { Card } from '../../cards/model.ts';

export interface PagePerson {
  id: string;
  name: string;
  role: string;
  department: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const ROLE: Record<string, { zh: string; en: string }> = {
  employee: { zh: '员工', en: 'employee' },
  manager: { zh: '经理', en: 'manager' },
  hr: { zh: 'HR', en: 'HR' },
  leader: { zh: '领导', en: 'leader' },
};

export function renderPage(input: {
  lang: 'zh' | 'en';
  people: PagePerson[];
  as: PagePerson | null;
  reply: Card | null;
  tasks: Card[];
  conversation: { at: string; card: Card }[];
  renderCard: (card: Card, as: string) => string;
  css: string;
  extra?: string;
}): string {
  const { lang, people, as } = input;
  const zh = lang === 'zh';
  const options = people
    .map((p) => `<option value="${esc(p.id)}"${p.id === as?.id ? ' selected' : ''}>${esc(p.name)} · ${esc(p.department)} · ${esc(ROLE[p.role]?.[lang] ?? p.role)}</option>`)
    .join('');
  const section = (title: string, body: string, testid: string) => `<section data-testid="${testid}"><h2>${esc(title)}</h2>${body}</section>`;
  const cardsHtml = (list: Card[]) => (list.length === 0 ? `<p class="empty">${zh ? '暂无' : 'Nothing here'}</p>` : list.map((c) => input.renderCard(c, as?.id ?? '')).join(''));
  return `<!doctype html>
<html lang="${zh ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${zh ? '盘点 · 本地控制台' : 'pandian · local console'}</title>
<style>@font-face{font-family:"Pandian Sans";src:url(/console/font.ttf) format("truetype");font-display:swap}
${input.css}
body{margin:0;background:#f4f5f7;font-family:"Pandian Sans",system-ui,sans-serif}
.card,.card *,select,input,textarea,button{font-family:"Pandian Sans",system-ui,sans-serif}
.top{display:flex;gap:12px;align-items:center;padding:12px 20px;background:#1f2937;color:#fff;position:sticky;top:0;z-index:2}
.top h1{font-size:18px;margin:0 12px 0 0}.top select{font-size:14px;padding:4px 6px;max-width:420px}
.top a{color:#cbd5e1;font-size:13px}main{max-width:860px;margin:0 auto;padding:16px}
main h2{font-size:15px;color:#374151;margin:24px 0 8px}.empty{color:#6b7280}
.stamp{font-size:12px;color:#6b7280;margin:12px 0 4px}
</style></head>
<body>
<header class="top"><h1>${zh ? '盘点' : 'pandian'}</h1>
<form method="get" action="/"><label>${zh ? '以此身份查看：' : 'Act as: '}<select name="as" data-testid="person-picker" onchange="this.form.submit()"><option value="">—</option>${options}</select></label>
<input type="hidden" name="lang" value="${lang}"></form>
<a href="/?as=${esc(as?.id ?? '')}&lang=${zh ? 'en' : 'zh'}">${zh ? 'English' : '中文'}</a>
<a href="/api/docs">API</a>
</header>
<main>
${as === null ? `<p>${zh ? '请选择一位示例公司的员工，体验他/她与机器人的对话。' : 'Pick a person of the demo company to see their conversation with the bot.'}</p>` : ''}
${input.reply ? section(zh ? '刚才的操作' : 'Your last action', input.renderCard(input.reply, as?.id ?? ''), 'reply') : ''}
${as ? section(zh ? '待办' : 'Your tasks', cardsHtml(input.tasks), 'tasks') : ''}
${input.extra ?? ''}
${as ? section(zh ? '与机器人的对话' : 'Conversation with the bot', input.conversation.length === 0 ? `<p class="empty">${zh ? '还没有消息' : 'No messages yet'}</p>` : input.conversation.map((m) => `<div class="stamp">${esc(m.at)}</div>${input.renderCard(m.card, as.id)}`).join(''), 'conversation') : ''}
</main>
<script>
document.addEventListener('submit', (e) => {
  const button = e.submitter;
  const message = (button && button.dataset.confirm) || e.target.dataset.confirm;
  if (message && !confirm(message)) e.preventDefault();
});
</script>
</body></html>`;
}
