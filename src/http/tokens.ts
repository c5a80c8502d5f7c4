// API bearer tokens from PANDIAN_API_TOKENS: `name:secret,name:secret`. The
// name is who the audit log says acted; the secret is never logged or echoed.

export interface ApiToken {
  name: string;
  secret: string;
}

export class ApiTokensError extends Error {
  readonly code = 'BAD_API_TOKENS' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ApiTokensError';
  }
}

export const MIN_SECRET_LENGTH = 16;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

/**
 * Parses `name:secret` pairs separated by commas; the secret is everything
 * after the first colon. Unset or blank is no tokens. Errors name the entry by
 * position and name, never by its secret.
 */
export function parseApiTokens(env: string | undefined): ApiToken[] {
  if (env === undefined || env.trim() === '') return [];
  const tokens: ApiToken[] = [];
  const entries = env.split(',').map((entry) => entry.trim());
  entries.forEach((entry, i) => {
    const where = `PANDIAN_API_TOKENS entry ${i + 1}`;
    if (entry === '') throw new ApiTokensError(`${where} is empty; remove the extra comma`);
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ApiTokensError(`${where} has no colon; write it as name:secret`);
    const name = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (!NAME.test(name)) {
      throw new ApiTokensError(`${where} has the name ${JSON.stringify(name)}; use letters, digits and . _ @ -`);
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new ApiTokensError(
        `${where} ("${name}") has a secret of ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (e.g. \`openssl rand -hex 24\`)`,
      );
    }
    const clash = tokens.find((t) => t.name === name || t.secret === secret);
    if (clash) {
      const what = clash.name === name ? 'name' : 'secret';
      throw new ApiTokensError(`${where} ("${name}") repeats the ${what} of "${clash.name}"; each token needs its own`);
    }
    tokens.push({ name, secret });
  });
  return tokens;
}

// Comparing HMACs under a key nobody knows, rather than the secrets, makes the
// comparison's length and content independent of the secrets. Created on first
// use: Workers forbid random values at global scope.
let macKey: Promise<CryptoKey> | undefined;

function processMacKey(): Promise<CryptoKey> {
  macKey ??= globalThis.crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']) as Promise<CryptoKey>;
  return macKey;
}

async function mac(key: CryptoKey, text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
}

/**
 * The name of the token whose secret is `presented`, or null. Every configured
 * token is compared, every byte of each, whether or not one already matched,
 * so the time taken says nothing about which token or how much of it matched.
 */
export async function matchToken(tokens: readonly ApiToken[], presented: string): Promise<string | null> {
  const key = await processMacKey();
  const want = await mac(key, presented);
  let found: string | null = null;
  for (const token of tokens) {
    const have = await mac(key, token.secret);
    let diff = 0;
    for (let i = 0; i < want.length; i++) diff |= want[i]! ^ have[i]!;
    // Secrets are distinct (parseApiTokens), so at most one token matches.
    if (diff === 0) found = token.name;
  }
  return found;
}
