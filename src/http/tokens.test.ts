import { describe, it, expect, vi, afterEach } from 'vitest';
import { matchToken, parseApiTokens } from './tokens.ts';

const ALICE = 'alice-secret-0123456789';
const CI = 'ci:with:colons-abcdef';

describe('parseApiTokens', () => {
  it('reads name:secret pairs; the secret keeps any later colons', () => {
    expect(parseApiTokens(` hr-bot:${ALICE} , ci:${CI} `)).toEqual([
      { name: 'hr-bot', secret: ALICE },
      { name: 'ci', secret: CI },
    ]);
  });

  it.each([undefined, '', '   '])('reads %j as no tokens', (env) => {
    expect(parseApiTokens(env)).toEqual([]);
  });

  it.each([
    ['a missing colon', `hr-bot${ALICE}`, /entry 1 has no colon/],
    ['an empty name', `:${ALICE}`, /entry 1 has the name ""/],
    ['a name with spaces', `hr bot:${ALICE}`, /entry 1 has the name "hr bot"/],
    ['a short secret', `hr-bot:${ALICE},ci:short`, /entry 2 \("ci"\) has a secret of 5 characters; use at least 16/],
    ['an extra comma', `hr-bot:${ALICE},,ci:${CI}`, /entry 2 is empty/],
    ['a repeated name', `hr-bot:${ALICE},hr-bot:${CI}`, /entry 2 \("hr-bot"\) repeats the name of "hr-bot"/],
    ['a repeated secret', `hr-bot:${ALICE},ci:${ALICE}`, /entry 2 \("ci"\) repeats the secret of "hr-bot"/],
  ])('refuses %s, naming the entry', (_why, env, message) => {
    expect(() => parseApiTokens(env)).toThrow(message);
    try {
      parseApiTokens(env);
    } catch (e) {
      expect((e as { code: string }).code).toBe('BAD_API_TOKENS');
      expect((e as Error).message).not.toContain(ALICE);
    }
  });
});

describe('matchToken', () => {
  const tokens = parseApiTokens(`hr-bot:${ALICE},ci:${CI},ops:ops-secret-abcdefghij`);
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('names the token whose secret was presented', async () => {
    expect(await matchToken(tokens, ALICE)).toBe('hr-bot');
    expect(await matchToken(tokens, CI)).toBe('ci');
    expect(await matchToken(tokens, 'ops-secret-abcdefghij')).toBe('ops');
  });

  it.each([
    ['a wrong secret', 'nobody-knows-this-one'],
    ['a prefix of a secret', ALICE.slice(0, -1)],
    ['a secret plus a byte', `${ALICE}x`],
    ['the name instead of the secret', 'hr-bot'],
    ['name:secret', `hr-bot:${ALICE}`],
    ['nothing', ''],
  ])('returns null for %s', async (_why, presented) => {
    expect(await matchToken(tokens, presented)).toBeNull();
  });

  it('returns null when no tokens are configured', async () => {
    expect(await matchToken([], ALICE)).toBeNull();
  });

  it('checks every configured token whether the first, the last or none matches', async () => {
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    for (const presented of [ALICE, 'ops-secret-abcdefghij', 'wrong-secret-0000000']) {
      sign.mockClear();
      await matchToken(tokens, presented);
      expect(sign).toHaveBeenCalledTimes(tokens.length + 1);
    }
  });
});
