// A checker of Slack's Block Kit limits for what renderSlackMessage and
// renderSlackModal produce: tests run every card through it. Returns the
// broken rules, empty when the message or view is valid.
import { SLACK_LIMITS as L, type SlackBlock, type SlackMessage, type SlackView } from './block-kit.ts';

type Obj = Record<string, unknown>;
const textOf = (t: unknown): string => ((t as Obj | undefined)?.text as string | undefined) ?? '';

function checkBlocks(blocks: SlackBlock[], errors: string[], where: string): void {
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const id = (kind: string, value: unknown, seen: Set<string>) => {
    if (typeof value !== 'string') return;
    if (value.length > L.id) errors.push(`${where}: ${kind} over ${L.id}: ${value.slice(0, 30)}`);
    if (seen.has(value)) errors.push(`${where}: duplicate ${kind} ${value}`);
    seen.add(value);
  };
  const element = (e: Obj) => {
    id('action_id', e.action_id, actionIds);
    if (e.type === 'button') {
      if (textOf(e.text).length > L.buttonText) errors.push(`${where}: button text over ${L.buttonText}`);
      if (typeof e.value === 'string' && e.value.length > L.buttonValue) errors.push(`${where}: button value over ${L.buttonValue}`);
    }
    const options = e.options as Obj[] | undefined;
    if (options) {
      if (options.length > L.options) errors.push(`${where}: over ${L.options} options`);
      for (const o of options) if (textOf(o.text).length > L.optionText || String(o.value).length > L.optionText) errors.push(`${where}: option over ${L.optionText}`);
    }
  };
  for (const b of blocks) {
    id('block_id', b.block_id, blockIds);
    switch (b.type) {
      case 'header':
        if (textOf(b.text).length > L.headerText) errors.push(`${where}: header over ${L.headerText}`);
        break;
      case 'section': {
        const t = textOf(b.text);
        if (b.text && (t.length === 0 || t.length > L.sectionText)) errors.push(`${where}: section text length ${t.length}`);
        const fields = b.fields as Obj[] | undefined;
        if (fields && (fields.length > L.fields || fields.some((f) => textOf(f).length > L.fieldText))) errors.push(`${where}: fields over limits`);
        if (!b.text && !fields) errors.push(`${where}: empty section`);
        break;
      }
      case 'actions': {
        const els = b.elements as Obj[];
        if (els.length === 0 || els.length > L.actionsElements) errors.push(`${where}: actions block with ${els.length} elements`);
        els.forEach(element);
        break;
      }
      case 'context':
        if ((b.elements as Obj[]).some((e) => textOf(e).length > L.sectionText)) errors.push(`${where}: context text over ${L.sectionText}`);
        break;
      case 'input':
        if (textOf(b.label).length > L.label) errors.push(`${where}: input label over ${L.label}`);
        element(b.element as Obj);
        break;
    }
  }
}

/** The broken rules of one message. */
export function checkSlackMessage(m: SlackMessage): string[] {
  const errors: string[] = [];
  if (!m.text) errors.push('message: no fallback text');
  if (m.blocks.length > L.messageBlocks) errors.push(`message: ${m.blocks.length} blocks > ${L.messageBlocks}`);
  if (m.blocks.some((b) => b.type === 'input')) errors.push('message: input blocks belong in modals');
  checkBlocks(m.blocks, errors, 'message');
  return errors;
}

/** The broken rules of one modal view. */
export function checkSlackModal(v: SlackView): string[] {
  const errors: string[] = [];
  if (v.blocks.length > L.modalBlocks) errors.push(`modal: ${v.blocks.length} blocks > ${L.modalBlocks}`);
  for (const [k, t] of [['title', v.title], ['submit', v.submit], ['close', v.close]] as const) {
    if (t && (t.text.length === 0 || t.text.length > L.modalText)) errors.push(`modal: ${k} length ${t.text.length}`);
  }
  if (v.blocks.some((b) => b.type === 'input') && !v.submit) errors.push('modal: inputs without submit');
  if (v.private_metadata.length > L.privateMetadata) errors.push('modal: private_metadata over 3000');
  if (!v.callback_id || v.callback_id.length > L.id) errors.push('modal: callback_id');
  checkBlocks(v.blocks, errors, 'modal');
  return errors;
}
