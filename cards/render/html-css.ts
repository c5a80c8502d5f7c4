// The console's card styles: quiet, readable, Chinese-friendly.
export const CONSOLE_CSS = `
.sym { font-weight: 700; margin-right: 2px; } .sym-high { color: #d55e00; } .sym-medium { color: #e69f00; }
.sym-low { color: #c9a400; } .sym-ok { color: #009e73; } .sym-warn { color: #e69f00; }
.card { --accent: #3370ff; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif;
  font-size: 14px; line-height: 1.6; color: #1f2329; background: #fff; border: 1px solid #dee0e3;
  border-radius: 10px; max-width: 640px; margin: 12px 0; overflow: hidden; box-shadow: 0 1px 3px rgb(0 0 0 / 6%); }
.card.tone-success { --accent: #2ea121; }
.card.tone-warning { --accent: #ed6d0c; }
.card.tone-danger { --accent: #d83931; }
.card-head { border-top: 4px solid var(--accent); padding: 12px 16px 4px; }
.card-head h2 { font-size: 16px; font-weight: 600; margin: 0; }
.card-body { padding: 4px 16px 14px; }
.card p, .card ul, .card ol { margin: 6px 0; }
.card ul, .card ol { padding-left: 20px; }
.card code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px;
  background: #f2f3f5; border-radius: 4px; padding: 0 4px; }
.card a { color: #245bdb; text-decoration: none; }
.card a:hover { text-decoration: underline; }
.card hr { border: 0; border-top: 1px solid #eff0f1; margin: 12px 0; }
.block-header { font-size: 14px; font-weight: 600; margin: 14px 0 4px; }
.context { color: #646a73; font-size: 12px; }
.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px 16px; margin: 8px 0; }
.fields dt { color: #646a73; font-size: 12px; }
.fields dd { margin: 0; font-weight: 600; }
.image { margin: 8px 0; }
.image img { max-width: 100%; border-radius: 6px; border: 1px solid #eff0f1; }
.image figcaption { color: #646a73; font-size: 12px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.card-button { display: inline; margin: 0; }
.card-form fieldset { border: 1px solid #eff0f1; border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
.card-form legend { font-weight: 600; padding: 0 4px; }
.field { display: block; margin: 6px 0; }
.field-label { display: block; font-size: 12px; color: #646a73; margin-bottom: 2px; }
.field .req { color: #d83931; font-weight: 400; }
.field input, .field select, .field textarea { font: inherit; width: 100%; box-sizing: border-box; padding: 5px 8px;
  border: 1px solid #d0d3d6; border-radius: 6px; background: #fff; }
.field input:focus, .field select:focus, .field textarea:focus { outline: 2px solid #bacefd; border-color: var(--accent); }
.btn { font: inherit; padding: 4px 14px; border-radius: 6px; border: 1px solid #d0d3d6; background: #fff; color: #1f2329; cursor: pointer; }
.btn:hover { background: #f2f3f5; }
.btn-primary { background: #3370ff; border-color: #3370ff; color: #fff; }
.btn-primary:hover { background: #245bdb; }
.btn-danger { color: #d83931; border-color: #f8b7b4; }
.btn-danger:hover { background: #fef1f1; }
`;
