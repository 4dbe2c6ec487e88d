import {
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What an operation costs against the caller's rate budget: 1 per field, with the fields
 * under a paged field counted once per 10 items asked for (`first`), since a 200-item page
 * is 20 times the work of the default page. Unknown variables count as the default (10).
 */
export function operationCost(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const known = costByOperation.get(operation);
  if (known !== undefined) return known;
  let usesVariables = false;
  const seen = new Set<string>();
  const costOf = (selectionSet: SelectionSetNode | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const first = selection.arguments?.find((argument) => argument.name.value === 'first')?.value;
        const items =
          first?.kind === Kind.INT
            ? Number(first.value)
            : first?.kind === Kind.VARIABLE
              ? Number(variables[first.name.value] ?? 10)
              : 10;
        usesVariables ||= first?.kind === Kind.VARIABLE;
        const multiplier = first ? Math.max(1, Math.ceil((Number.isFinite(items) ? items : 10) / 10)) : 1;
        cost += 1 + multiplier * costOf(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += costOf(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value); // a fragment spread twice is charged once
        cost += costOf(fragments[selection.name.value]?.selectionSet);
      }
    }
    return cost;
  };
  const cost = Math.max(1, costOf(operation.selectionSet));
  // Apollo hands back the same parsed operation for a repeated query; its cost is fixed unless
  // a page size comes from a variable.
  if (!usesVariables) costByOperation.set(operation, cost);
  return cost;
}

const costByOperation = new WeakMap<OperationDefinitionNode, number>();
