// A checker of the Lark card rules renderLarkCards must keep: tests run every
// card through it. Returns the broken rules, empty when the card is valid.
import { countElements, LARK_MAX_BYTES, type LarkCard } from './lark.ts';

type Obj = Record<string, unknown>;
const INTERACTIVE = new Set(['button', 'input', 'select_static', 'multi_select_static', 'date_picker', 'checker', 'overflow', 'form']);

/** The broken rules of one card. */
export function checkLarkCard(card: LarkCard): string[] {
  const errors: string[] = [];
  if (card.schema !== '2.0') errors.push('schema must be "2.0"');
  if (!card.header?.title?.content) errors.push('header title missing');
  const size = new TextEncoder().encode(JSON.stringify(card)).length;
  if (size > LARK_MAX_BYTES) errors.push(`card is ${size} bytes > ${LARK_MAX_BYTES}`);
  if (countElements(card.body.elements) > 200) errors.push('over 200 components');
  const names = new Set<string>();
  const walk = (elements: unknown[], depth: number, inForm: boolean) => {
    if (depth > 5) errors.push('containers nested deeper than 5');
    for (const raw of elements) {
      const e = raw as Obj;
      const tag = e.tag as string;
      if (tag === 'form' && (depth > 0 || inForm)) errors.push('form not at body root');
      if (tag === 'table' && inForm) errors.push('table inside form');
      if (INTERACTIVE.has(tag) || typeof e.name === 'string') {
        const name = e.name;
        if (typeof name !== 'string' || !name) errors.push(`${tag} without name`);
        else if (names.has(name)) errors.push(`duplicate name ${name}`);
        else names.add(name);
      }
      if (tag === 'button') {
        const behaviors = e.behaviors as Obj[] | undefined;
        for (const b of behaviors ?? []) {
          if (b.type === 'callback' && (typeof b.value !== 'object' || b.value === null || Array.isArray(b.value))) errors.push(`button ${String(e.name)}: callback value must be an object`);
        }
        if (e.form_action_type && !inForm) errors.push(`button ${String(e.name)}: form_action_type outside a form`);
        if (((e.text as Obj)?.content as string)?.length > 100) errors.push('button text over 100');
      }
      if (['input', 'select_static', 'date_picker'].includes(tag) && e.required !== undefined && !inForm) errors.push(`${tag}: required outside a form`);
      if (Array.isArray(e.elements)) walk(e.elements, depth + 1, inForm || tag === 'form');
      if (Array.isArray(e.columns)) walk(e.columns, depth + 1, inForm);
    }
  };
  walk(card.body.elements, 0, false);
  const forms = card.body.elements.filter((e) => e.tag === 'form') as Obj[];
  for (const f of forms) {
    const hasSubmit = JSON.stringify(f.elements).includes('"form_action_type":"submit"');
    if (!hasSubmit) errors.push(`form ${String(f.name)} has no submit button`);
  }
  return errors;
}
