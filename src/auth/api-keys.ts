import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SCOPES, isScope, type Principal, type Scope } from './principal.js';

/**
 * API keys look like `bcg_<id>_<secret>`. The gateway is configured with each key's id,
 * scopes and the SHA-256 of the whole key — never the key itself — so a leaked
 * configuration does not leak a key. The id finds the entry; the hash is compared in
 * constant time.
 */
export interface ApiKeyEntry {
  id: string;
  sha256: string;
  scopes: Scope[];
}

const KEY_PATTERN = /^bcg_([a-z0-9-]{1,40})_([A-Za-z0-9_-]{32,128})$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** A new key and the configuration entry for it (`npm run create-key`). */
export function createApiKey(id: string, scopes: Scope[]): { key: string; entry: ApiKeyEntry } {
  if (!/^[a-z0-9-]{1,40}$/.test(id))
    throw new Error(`key id must be 1-40 lower-case letters, digits or dashes, got ${JSON.stringify(id)}`);
  const key = `bcg_${id}_${randomBytes(32).toString('base64url')}`;
  return { key, entry: { id, sha256: sha256(key).toString('hex'), scopes } };
}

/** Checks configured entries, naming the bad one. */
export function parseApiKeyEntries(value: unknown, where: string): ApiKeyEntry[] {
  if (!Array.isArray(value)) throw new Error(`${where} must be a JSON array of { id, sha256, scopes }`);
  return value.map((entry, i) => {
    const at = `${where}[${i}]`;
    if (typeof entry?.id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(entry.id))
      throw new Error(`${at}.id must be 1-40 lower-case letters, digits or dashes`);
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256))
      throw new Error(`${at}.sha256 must be 64 lower-case hex characters`);
    if (!Array.isArray(entry.scopes) || !entry.scopes.every(isScope))
      throw new Error(`${at}.scopes must list scopes from: ${SCOPES.join(', ')}`);
    return { id: entry.id, sha256: entry.sha256, scopes: entry.scopes };
  });
}

export class ApiKeyVerifier {
  /** Per key id: the hash to compare and the principal it grants, both made once. */
  private readonly byId: Map<string, { expected: Buffer; principal: Principal }>;
  private readonly nobody = Buffer.alloc(32);

  constructor(entries: ApiKeyEntry[]) {
    this.byId = new Map(
      entries.map((entry) => [
        entry.id,
        {
          expected: Buffer.from(entry.sha256, 'hex'),
          principal: Object.freeze({
            id: `key:${entry.id}`,
            kind: 'api-key' as const,
            scopes: new Set(entry.scopes) as ReadonlySet<Scope>,
          }),
        },
      ]),
    );
  }

  static looksLikeKey(token: string): boolean {
    return token.startsWith('bcg_');
  }

  /** The key's principal, or undefined for any key that is not configured. */
  verify(key: string): Principal | undefined {
    const match = KEY_PATTERN.exec(key);
    const entry = match ? this.byId.get(match[1]!) : undefined;
    // Hash and compare even when nothing matched, so timing does not tell ids apart.
    const equal = timingSafeEqual(sha256(key), entry?.expected ?? this.nobody);
    return entry && equal ? entry.principal : undefined;
  }
}
