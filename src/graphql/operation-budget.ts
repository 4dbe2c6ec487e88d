import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { gatewayError, requestError } from './errors.js';

/**
 * What one field costs, declared beside it with `@Budget`: the upstream calls it makes
 * itself, and — for a list whose length an argument decides — how many items its children
 * run for. Fields without a budget cost 1 and make no call.
 */
export interface FieldBudget {
  /** Upstream HTTP calls this field makes, per instance (the worst case: no cache, no batching). */
  calls?: number | ((args: Record<string, unknown>) => number);
  /**
   * How many times the fields below run: a page's `items` take it from the page field's
   * arguments (`parentArgs`), a bill's refunds from BeeCloud's own limit.
   */
  items?: (args: Record<string, unknown>, parentArgs: Record<string, unknown>) => number;
}

export const Budget = (budget: FieldBudget) => Extensions({ budget });

/** What an operation is predicted to need, before it runs. */
export interface OperationBudget {
  /** 1 per field, each multiplied by the items it runs for: the rate-limit charge too. */
  cost: number;
  /** Upstream calls in the worst case (no cache hit, no de-duplication). */
  calls: number;
  /** The variables that set a page size, with their values (named in a refusal). */
  drivers: string[];
}

export interface BudgetLimits {
  maxCost: number;
  maxUpstreamCalls: number;
}

/**
 * The budget of one operation of `document`, with its variables coerced as graphql-js will
 * execute them (defaults applied, unsent ones absent, so a field's own default applies).
 * Fragments are counted where they are spread, every time; a list's children are multiplied
 * by its size. Call after validation: it assumes a valid document.
 *
 * graphql-query-complexity was the first choice; its estimators see only a field's own
 * arguments, while here a page's size is an argument of the page field and its cost lies
 * under `items`, one level down. So the walk is ours, and the coercion is graphql-js's own.
 */
export function operationBudget(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> = {},
): OperationBudget {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return { cost: 0, calls: 0, drivers: [] };
  // Without variables the budget is fixed, and Apollo hands back the same parsed document for
  // a repeated query: walk it once. (With variables, their values may change page sizes.)
  const fixed = !operation.variableDefinitions?.length;
  const known = fixed ? budgetsByDocument.get(document)?.get(operationName ?? '') : undefined;
  if (known) return known;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  // Variables that do not fit their types are refused here, as execution would refuse them.
  if (coerced.errors) throw requestError('BAD_USER_INPUT', coerced.errors.map((e) => e.message).join('; '));
  const variables = coerced.coerced;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const drivers = new Set<string>();

  const walk = (
    selectionSet: SelectionSetNode | undefined,
    parentType: GraphQLCompositeType,
    parentArgs: Record<string, unknown>,
  ): { cost: number; calls: number } => {
    let cost = 0;
    let calls = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) {
          cost += 1; // __typename, and introspection (bounded by depth and the introspection policy)
          continue;
        }
        const field = 'getFields' in parentType ? parentType.getFields()[name] : undefined;
        if (!field) continue;
        const args = getArgumentValues(field as GraphQLField<unknown, unknown>, selection, variables);
        for (const argument of selection.arguments ?? [])
          if (argument.value.kind === Kind.VARIABLE && argument.name.value === 'first')
            drivers.add(
              `$${argument.value.name.value} = ${JSON.stringify(variables[argument.value.name.value])}`,
            );
        const budget = field.extensions?.budget as FieldBudget | undefined;
        const own = typeof budget?.calls === 'function' ? budget.calls(args) : (budget?.calls ?? 0);
        const items = budget?.items ? budget.items(args, parentArgs) : 1;
        const type = getNamedType(field.type);
        const below = isCompositeType(type)
          ? walk(selection.selectionSet, type, args)
          : { cost: 0, calls: 0 };
        cost += 1 + items * below.cost;
        calls += own + items * below.calls;
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        const condition = fragment?.typeCondition?.name.value;
        const type = condition ? schema.getType(condition) : parentType;
        if (!fragment || !type || !isCompositeType(type)) continue;
        const below = walk(fragment.selectionSet, type, parentArgs);
        cost += below.cost;
        calls += below.calls;
      }
    }
    return { cost, calls };
  };

  const root = schema.getRootType(operation.operation);
  const { cost, calls } = root ? walk(operation.selectionSet, root, {}) : { cost: 0, calls: 0 };
  const budget = { cost: Math.max(1, cost), calls, drivers: [...drivers] };
  if (fixed) {
    const byName = budgetsByDocument.get(document) ?? new Map<string, OperationBudget>();
    budgetsByDocument.set(document, byName.set(operationName ?? '', budget));
  }
  return budget;
}

const budgetsByDocument = new WeakMap<DocumentNode, Map<string, OperationBudget>>();

/**
 * Refuses an operation whose predicted cost or upstream calls exceed the limits, before it
 * runs: COST_LIMIT_EXCEEDED naming the limit, what was found and the variables that drove it.
 */
export function checkOperationBudget(budget: OperationBudget, limits: BudgetLimits): void {
  const drivenBy = budget.drivers.length ? `; page sizes from ${budget.drivers.join(', ')}` : '';
  if (budget.cost > limits.maxCost) {
    throw gatewayError(
      'COST_LIMIT_EXCEEDED',
      `this operation costs ${budget.cost}, over the limit of ${limits.maxCost} (LIMIT_MAX_COST)${drivenBy}`,
      { cost: budget.cost, limit: limits.maxCost, http: { status: 400 } },
    );
  }
  if (budget.calls > limits.maxUpstreamCalls) {
    throw gatewayError(
      'COST_LIMIT_EXCEEDED',
      `this operation may need ${budget.calls} upstream calls, over the limit of ${limits.maxUpstreamCalls} ` +
        `(LIMIT_MAX_UPSTREAM_CALLS)${drivenBy}`,
      { upstreamCalls: budget.calls, limit: limits.maxUpstreamCalls, http: { status: 400 } },
    );
  }
}
