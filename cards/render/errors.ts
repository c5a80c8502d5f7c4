// The one error a renderer throws: a card that no platform message can carry
// as built. It is a bug in a builder (payloads must stay small), never a user
// mistake, so it is loud.
export type CardRenderErrorCode = 'PAYLOAD_TOO_LARGE' | 'CARD_TOO_LARGE' | 'BAD_CARD' | 'NO_SUCH_FORM';

export class CardRenderError extends Error {
  constructor(
    readonly code: CardRenderErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'CardRenderError';
  }
}

/** Cuts text to at most `max` UTF-16 units (the stricter way to count), never inside a character, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Form ids become parts of platform names, so they are kept to a safe alphabet. */
export function checkFormId(id: string): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new CardRenderError('BAD_CARD', `form id "${id}" must be 1-64 of A-Z a-z 0-9 _ -`);
}
