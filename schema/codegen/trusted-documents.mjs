// A graphql-codegen plugin: the trusted-documents manifest of schema/operations. Each operation,
// printed with the fragments it uses, under the SHA-256 of that text (the hash automatic
// persisted queries use). PERSISTED_OPERATIONS_ONLY=true serves these documents and no other.
import { createHash } from 'node:crypto';
import { Kind, print, visit } from 'graphql';

export function plugin(_schema, documents) {
  const definitions = documents.flatMap((file) => (file.document ? file.document.definitions : []));
  const fragments = new Map(
    definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const used = (node, seen = new Set()) => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        used(fragments.get(name), seen);
      },
    });
    return seen;
  };
  const manifest = {};
  for (const operation of definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
    const names = [...used(operation)].sort();
    const text = print({
      kind: Kind.DOCUMENT,
      definitions: [operation, ...names.map((n) => fragments.get(n))],
    });
    manifest[createHash('sha256').update(text).digest('hex')] = text;
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
