import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
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
 * itself, and — for a list — how many items its children run for. Fields without a budget
 * cost 1 and make no call.
 */
export interface FieldBudget {
  /** Upstream HTTP calls this field makes, per instance (the worst case: no cache, no batching). */
  calls?: number | ((args: Record<string, unknown>) => number);
  /** How many times the fields below run, from this field's own arguments (a bill's refunds: BeeCloud's limit). */
  items?: (args: Record<string, unknown>) => number;
  /**
   * The same, from the arguments of the field above: a page's `nodes` run for the page
   * field's `first`. Stated apart from `items` because it makes a fragment's cost depend on
   * where it is spread (see BudgetWalk).
   */
  itemsFromParent?: (parentArgs: Record<string, unknown>) => number;
  /**
   * Scopes that depend on the arguments (federation's `_entities`: each representation's type
   * has its read scope), beside the fixed `extensions.scopes`. May throw BAD_USER_INPUT.
   */
  scopes?: (args: Record<string, unknown>) => string[];
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
  /** Scopes the arguments call for (FieldBudget.scopes), checked by admission. */
  scopes: string[];
  /**
   * Set when the walk stopped early, as soon as it had seen more fields than `stopAbove`:
   * `cost` is then a lower bound, already over that limit, and `calls` is unknown.
   */
  stoppedEarly?: true;
  /** Selections (fields, spreads, inline fragments) the walk visited: its work, for tests and benches. */
  visited: number;
}

export interface BudgetLimits {
  maxCost: number;
  maxUpstreamCalls: number;
}

/**
 * The budget of one operation of `document`, with its variables coerced as graphql-js will
 * execute them (defaults applied, unsent ones absent, so a field's own default applies).
 * A fragment counts in full wherever it is spread; a list's children are multiplied by its
 * size. Call after validation: it assumes a valid document.
 *
 * The work is linear in what was written, never in what the fragments expand to (see
 * BudgetWalk), and stops once more than `stopAbove` fields were seen: each of them adds at
 * least 1 to the cost, so the operation is over that limit whatever the rest holds.
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
  stopAbove = Infinity,
): OperationBudget {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return { cost: 0, calls: 0, drivers: [], scopes: [], visited: 0 };
  // Without variables the budget is fixed, and Apollo hands back the same parsed document for
  // a repeated query: walk it once. (With variables, their values may change page sizes.)
  const fixed = !operation.variableDefinitions?.length;
  const memoKey = `${operationName ?? ''}\n${stopAbove}`;
  const known = fixed ? budgetsByDocument.get(document)?.get(memoKey) : undefined;
  if (known) return known;
  // As graphql-js's execute does, stop at a few errors: each names the variable's whole value,
  // so a 1 MB object of unknown keys made one error per key, each carrying the megabyte.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables, {
    maxErrors: MAX_VARIABLE_ERRORS,
  });
  // Variables that do not fit their types are refused here, as execution would refuse them.
  if (coerced.errors)
    throw requestError('BAD_USER_INPUT', coerced.errors.map((e) => clipped(e.message)).join('; '));
  const walk = new BudgetWalk(schema, document, coerced.coerced, stopAbove);
  const root = schema.getRootType(operation.operation);
  let budget: OperationBudget;
  try {
    const { cost, calls } = root ? walk.selections(operation.selectionSet, root, {}) : { cost: 0, calls: 0 };
    budget = {
      cost: Math.max(1, cost),
      calls,
      drivers: [...walk.drivers],
      scopes: [...walk.scopes],
      visited: walk.visited,
    };
  } catch (error) {
    if (error !== OVER_BUDGET) throw error;
    budget = {
      cost: walk.fieldsSeen,
      calls: 0,
      drivers: [...walk.drivers],
      scopes: [...walk.scopes],
      stoppedEarly: true,
      visited: walk.visited,
    };
  }
  if (fixed) {
    const byName = budgetsByDocument.get(document) ?? new Map<string, OperationBudget>();
    budgetsByDocument.set(document, byName.set(memoKey, budget));
  }
  return budget;
}

const MAX_VARIABLE_ERRORS = 1;

/**
 * graphql-js's message quotes the variable's whole value: keep its start (which variable) and
 * its end (what is wrong), not a megabyte sent back.
 */
const clipped = (message: string, keep = 200) =>
  message.length <= 2 * keep ? message : `${message.slice(0, keep)} … ${message.slice(-keep)}`;

const budgetsByDocument = new WeakMap<DocumentNode, Map<string, OperationBudget>>();

/** Thrown inside a walk once it has seen enough to refuse; caught by operationBudget. */
const OVER_BUDGET = Symbol('over budget');

interface Tally {
  cost: number;
  calls: number;
  /** Whether the tally read the arguments of the field above (then it holds for those only). */
  readsParent: boolean;
}

/**
 * One walk over one operation. A fragment spread a hundred times, each spreading another a
 * hundred times, stands for 10^4 copies: walking each copy made admission's time the size of
 * the expansion (seconds of event loop for a 3 KB document). So each fragment is walked once
 * and its tally kept; a spread then adds the kept tally. The tally of a fragment whose fields
 * read the arguments of the field above (a page's `nodes` read its `first`) is kept per value
 * of those arguments; any other fragment's holds wherever it is spread.
 */
class BudgetWalk {
  /** Selections visited: fields, spreads and inline fragments, each time the walk reaches one. */
  visited = 0;
  /** Fields visited: each adds at least 1 to the cost, so this is a lower bound of it. */
  fieldsSeen = 0;
  readonly drivers = new Set<string>();
  /** What FieldBudget.scopes asked for. A fragment walked once adds them once: they hold wherever it is spread. */
  readonly scopes = new Set<string>();
  private readonly fragments: Map<string, FragmentDefinitionNode>;
  private readonly tallies = new Map<string, Tally>();
  private readonly argsKeys = new WeakMap<Record<string, unknown>, string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly stopAbove: number,
  ) {
    this.fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
  }

  selections(
    selectionSet: SelectionSetNode | undefined,
    parentType: GraphQLCompositeType,
    parentArgs: Record<string, unknown>,
  ): Tally {
    const tally: Tally = { cost: 0, calls: 0, readsParent: false };
    for (const selection of selectionSet?.selections ?? []) {
      this.visited++;
      const below =
        selection.kind === Kind.FIELD
          ? this.field(selection, parentType, parentArgs)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? this.inlineFragment(selection, parentType, parentArgs)
            : this.spread(selection, parentArgs);
      tally.cost += below.cost;
      tally.calls += below.calls;
      tally.readsParent ||= below.readsParent;
    }
    return tally;
  }

  private field(
    selection: FieldNode,
    parentType: GraphQLCompositeType,
    parentArgs: Record<string, unknown>,
  ): Tally {
    if (++this.fieldsSeen > this.stopAbove) throw OVER_BUDGET;
    const name = selection.name.value;
    // __typename, and introspection (bounded by depth and the introspection policy)
    if (name.startsWith('__')) return { cost: 1, calls: 0, readsParent: false };
    const field = 'getFields' in parentType ? parentType.getFields()[name] : undefined;
    if (!field) return { cost: 0, calls: 0, readsParent: false };
    const args = getArgumentValues(field as GraphQLField<unknown, unknown>, selection, this.variables);
    for (const argument of selection.arguments ?? [])
      if (argument.value.kind === Kind.VARIABLE && argument.name.value === 'first')
        this.drivers.add(
          `$${argument.value.name.value} = ${JSON.stringify(this.variables[argument.value.name.value])}`,
        );
    const budget = field.extensions?.budget as FieldBudget | undefined;
    budget?.scopes?.(args).forEach((scope) => this.scopes.add(scope));
    const own = typeof budget?.calls === 'function' ? budget.calls(args) : (budget?.calls ?? 0);
    const readsParent = budget?.itemsFromParent !== undefined;
    const items = Math.max(
      0,
      budget?.items ? budget.items(args) : budget?.itemsFromParent ? budget.itemsFromParent(parentArgs) : 1,
    );
    const type = getNamedType(field.type);
    // A list of no items runs nothing below it: not walked, so every field the walk sees counts.
    const below =
      items > 0 && isCompositeType(type)
        ? this.selections(selection.selectionSet, type, args)
        : { cost: 0, calls: 0 };
    return { cost: 1 + items * below.cost, calls: own + items * below.calls, readsParent };
  }

  private inlineFragment(
    fragment: InlineFragmentNode,
    parentType: GraphQLCompositeType,
    parentArgs: Record<string, unknown>,
  ): Tally {
    const condition = fragment.typeCondition?.name.value;
    const type = condition ? this.schema.getType(condition) : parentType;
    if (!type || !isCompositeType(type)) return { cost: 0, calls: 0, readsParent: false };
    return this.selections(fragment.selectionSet, type, parentArgs);
  }

  private spread(spread: FragmentSpreadNode, parentArgs: Record<string, unknown>): Tally {
    const name = spread.name.value;
    const anywhere = this.tallies.get(name);
    if (anywhere) return anywhere;
    const here = `${name}\n${this.argsKey(parentArgs)}`;
    const known = this.tallies.get(here);
    if (known) return known;
    const fragment = this.fragments.get(name);
    const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || !isCompositeType(type)) return { cost: 0, calls: 0, readsParent: false };
    const tally = this.selections(fragment.selectionSet, type, parentArgs);
    this.tallies.set(tally.readsParent ? here : name, tally);
    return tally;
  }

  /** The arguments of a field as a key, made once per arguments object. */
  private argsKey(args: Record<string, unknown>): string {
    let key = this.argsKeys.get(args);
    if (key === undefined) this.argsKeys.set(args, (key = JSON.stringify(args)));
    return key;
  }
}

/**
 * Refuses an operation whose predicted cost or upstream calls exceed the limits, before it
 * runs: COST_LIMIT_EXCEEDED naming the limit, what was found and the variables that drove it.
 */
export function checkOperationBudget(budget: OperationBudget, limits: BudgetLimits): void {
  const drivenBy = budget.drivers.length ? `; page sizes from ${budget.drivers.join(', ')}` : '';
  if (budget.cost > limits.maxCost) {
    const found = budget.stoppedEarly
      ? `more than ${limits.maxCost}`
      : `${budget.cost}, over the limit of ${limits.maxCost}`;
    throw gatewayError('COST_LIMIT_EXCEEDED', `this operation costs ${found} (LIMIT_MAX_COST)${drivenBy}`, {
      cost: budget.cost,
      limit: limits.maxCost,
      http: { status: 400 },
    });
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
