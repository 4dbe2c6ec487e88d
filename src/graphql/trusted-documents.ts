import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A document as clients may send one of the manifest: `__typename` selections added (Apollo
 * Client's and urql's caches add them) and the definitions in another order change nothing.
 */
function canonical(document: DocumentNode): string {
  const stripped = visit(document, {
    Field: (field) => (field.name.value === '__typename' && !field.alias ? null : undefined),
  });
  const order = (d: DefinitionNode) =>
    `${d.kind === Kind.OPERATION_DEFINITION ? 0 : 1}:${'name' in d && d.name ? d.name.value : ''}`;
  const definitions = [...stripped.definitions].sort((a, b) => order(a).localeCompare(order(b)));
  return print(Object.assign({}, stripped, { definitions }));
}

/**
 * The documents PERSISTED_OPERATIONS_ONLY serves: a manifest of `sha256(text) -> text` (the
 * hash automatic persisted queries use). A request names one by its hash alone, or sends its
 * text; anything else is refused before it is parsed for execution.
 */
export class TrustedDocuments {
  private readonly byHash: ReadonlyMap<string, string>;
  private readonly canonicalHashes: ReadonlySet<string>;
  /** Verdicts on texts already seen (bounded: the first ones are kept, the rest recomputed). */
  private readonly verdicts = new Map<string, boolean>();

  constructor(manifest: Record<string, string>) {
    this.byHash = new Map(Object.entries(manifest));
    this.canonicalHashes = new Set(Object.values(manifest).map((text) => sha256(canonical(parse(text)))));
  }

  static fromFile(path: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`TRUSTED_DOCUMENTS_FILE: cannot read ${path} as JSON (${(error as Error).message})`);
    }
    if (
      !manifest ||
      typeof manifest !== 'object' ||
      Object.entries(manifest).some(
        ([hash, text]) => !/^[0-9a-f]{64}$/.test(hash) || typeof text !== 'string',
      )
    )
      throw new Error(`TRUSTED_DOCUMENTS_FILE: ${path} must map sha256 hex hashes to document texts`);
    return new TrustedDocuments(manifest as Record<string, string>);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The text of a listed document, by its hash. */
  textOf(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  /** Whether `text` is a listed document (up to `__typename` and the order of its definitions). */
  trusts(text: string): boolean {
    if (this.byHash.has(sha256(text))) return true;
    let verdict = this.verdicts.get(text);
    if (verdict === undefined) {
      try {
        verdict = this.canonicalHashes.has(sha256(canonical(parse(text, { maxTokens: 10_000 }))));
      } catch {
        verdict = false; // not even GraphQL
      }
      if (this.verdicts.size < 1000) this.verdicts.set(text, verdict);
    }
    return verdict;
  }
}

/** What a request names: its text, or the hash of a persisted one. */
export interface DocumentRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | null;
}

/**
 * The text PERSISTED_OPERATIONS_ONLY lets a request run, or why not: a listed text, or the
 * listed text of a hash sent alone.
 */
export function trustedText(
  documents: TrustedDocuments,
  request: DocumentRequest,
): { text: string } | { refused: string } {
  if (typeof request.query === 'string' && request.query !== '')
    return documents.trusts(request.query)
      ? { text: request.query }
      : { refused: 'this gateway runs only its trusted documents (PERSISTED_OPERATIONS_ONLY)' };
  const hash = request.extensions?.persistedQuery?.sha256Hash;
  const text = typeof hash === 'string' ? documents.textOf(hash) : undefined;
  return text !== undefined
    ? { text }
    : { refused: 'no trusted document has this sha256Hash (PERSISTED_OPERATIONS_ONLY)' };
}
