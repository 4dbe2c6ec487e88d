import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

export interface CompiledExecutorOptions {
  /** Runs of a query (document and operation name) through graphql-js before it is compiled. */
  compileAfter: number;
  /** Documents kept with compiled code, least recently used dropped first; 0: nothing is compiled. */
  maxCompiled: number;
}

/** Hot queries repeat: compile after a few runs, keep the hundred or so a set of clients sends. */
export const DEFAULT_COMPILED_EXECUTOR_OPTIONS: CompiledExecutorOptions = {
  compileAfter: 10,
  maxCompiled: 100,
};

/** COMPILED_EXECUTOR=false: every operation through graphql-js (to rule the compiler out, or in a test). */
export const COMPILED_EXECUTOR_OFF: CompiledExecutorOptions = { compileAfter: Infinity, maxCompiled: 0 };

/** Per document, by operation name: runs so far, then the compiled query (null: graphql-js runs it). */
interface Tracked {
  runs: Map<string, number>;
  compiled: Map<string, CompiledQuery | null>;
}

export interface Execution {
  document: DocumentNode;
  operationName: string | null;
  /** Undefined when no operation of the document answers to `operationName`: graphql-js then says why. */
  operationType: 'query' | 'mutation' | 'subscription' | undefined;
  contextValue: unknown;
  variableValues: Record<string, unknown> | undefined;
}

/**
 * Executes operations with graphql-js, and hot queries with code graphql-jit compiled for them:
 * a 50-bill page resolves 550 fields, where graphql-js's generic walk costs a fifth of the
 * operation (`npm run bench:peers`). The answers are the same (test/graphql/compiled-executor
 * runs the example operations and every kind of error both ways and compares them).
 *
 * Why "hot" and bounded: compiling costs about a millisecond and ~40 KB of code per document,
 * so a query is compiled only after `compileAfter` runs — a client that sends each document
 * once (or an attacker sending unique documents) never makes the gateway compile — and at most
 * `maxCompiled` documents keep their code. Run counts live as long as Apollo's document store
 * keeps the parsed document (a WeakMap: nothing here holds a cold document). Mutations always
 * run through graphql-js: they run once, in order, with nothing to gain.
 */
export class CompiledExecutor {
  private readonly tracked = new WeakMap<DocumentNode, Tracked>();
  /** Documents with compiled code; Map order is the eviction order. */
  private readonly hot = new Map<DocumentNode, Tracked>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: CompiledExecutorOptions = DEFAULT_COMPILED_EXECUTOR_OPTIONS,
  ) {}

  /** How many queries (document and operation) run compiled now. */
  get compiledCount(): number {
    let count = 0;
    for (const entry of this.hot.values())
      for (const compiled of entry.compiled.values()) if (compiled) count++;
    return count;
  }

  /** Whether this query runs compiled now. */
  isCompiled(document: DocumentNode, operationName: string | null = null): boolean {
    return Boolean(this.hot.get(document)?.compiled.get(operationName ?? ''));
  }

  async execute(execution: Execution): Promise<ExecutionResult> {
    const compiled =
      execution.operationType === 'query' && this.options.maxCompiled > 0
        ? this.compiledFor(execution)
        : null;
    if (!compiled)
      return execute({
        schema: this.schema,
        document: execution.document,
        operationName: execution.operationName,
        contextValue: execution.contextValue,
        variableValues: execution.variableValues,
      });
    const result = await compiled.query(undefined, execution.contextValue, execution.variableValues ?? {});
    return result.errors?.length
      ? Object.assign({}, result, { errors: result.errors.map(asGraphQLJsError) })
      : result;
  }

  private compiledFor({ document, operationName }: Execution): CompiledQuery | null {
    let entry = this.tracked.get(document);
    if (!entry) this.tracked.set(document, (entry = { runs: new Map(), compiled: new Map() }));
    const name = operationName ?? '';
    const known = entry.compiled.get(name);
    if (known !== undefined) {
      if (known) this.touch(document, entry);
      return known;
    }
    const runs = (entry.runs.get(name) ?? 0) + 1;
    entry.runs.set(name, runs);
    if (runs <= this.options.compileAfter) return null;
    const result = compileQuery(this.schema, document, operationName ?? undefined);
    const compiled = result && isCompiledQuery(result) ? result : null;
    entry.compiled.set(name, compiled);
    if (compiled) this.touch(document, entry);
    return compiled;
  }

  private touch(document: DocumentNode, entry: Tracked): void {
    this.hot.delete(document); // re-insert: most recently used last
    this.hot.set(document, entry);
    while (this.hot.size > this.options.maxCompiled) {
      const [oldest, dropped] = this.hot.entries().next().value!;
      this.hot.delete(oldest);
      dropped.compiled.clear(); // it starts counting again
      dropped.runs.clear();
    }
  }
}

/**
 * graphql-jit's error as graphql-js would have made it. Its own errors have read-only fields,
 * and error handling after execution rewrites messages (graphql-armor takes field suggestions
 * out of them); the same path, locations, extensions and original error otherwise.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  if (error.locations) Object.assign(copy, { locations: error.locations });
  return copy;
}
