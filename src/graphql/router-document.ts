import { Kind, type DocumentNode } from 'graphql';

/**
 * The root fields a router's own documents use (graphql/subgraph.ts adds them). Apart from
 * subgraph.ts so that checking a document does not load @apollo/subgraph (~17 MB), which only
 * SUBGRAPH=true needs.
 */
const ROUTER_FIELDS = new Set(['_entities', '_service', '__typename']);

/**
 * Whether a document is a router's own: every operation selects only `_entities`, `_service`
 * and `__typename` at its root (PERSISTED_OPERATIONS_ONLY does not apply to it; the router
 * scope still does).
 */
export function isRouterDocument(document: DocumentNode): boolean {
  let operations = 0;
  // Fragments may be defined (a query planner reuses them under `_entities`): a spread at the
  // root is not a field, so it cannot bring any other root field in.
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (definition.operation !== 'query') return false;
    operations++;
    for (const selection of definition.selectionSet.selections)
      if (selection.kind !== Kind.FIELD || !ROUTER_FIELDS.has(selection.name.value)) return false;
  }
  return operations > 0;
}
