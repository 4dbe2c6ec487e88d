import { createHash } from 'node:crypto';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getNamedType,
  getOperationAST,
  isIntrospectionType,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { Principal } from '../auth/principal.js';
import { CompiledExecutor, type CompiledExecutorOptions } from '../graphql/compiled-executor.js';
import { originalOf, publicError, requestError } from '../graphql/errors.js';
import { trustedText, type TrustedDocuments } from '../graphql/trusted-documents.js';
import { isRouterDocument } from '../graphql/router-document.js';
import { traced, type Span } from '../telemetry/tracing.js';
import type { Logger } from '../node-http/logger.js';
import {
  admitOperation,
  chargeRefusal,
  type Admission,
  type AdmissionInput,
  type RateBudget,
} from './admission.js';
import type { QueryLimits } from './query-limits.js';
import type { RateLimiter } from './rate-limiter.js';

/** One GraphQL request as any transport carries it. */
export interface OperationRequest {
  query?: string | null;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

/** Who sends a request, and whose rate budget it spends. */
export interface Caller {
  principal: Principal | null;
  /** The bucket it spends: admission.ts's rateKeyOf. */
  rateKey: string;
  /** Told of each rate-limit refusal (a metric per transport). */
  onRateLimited?: () => void;
}

/** The request's text, once found: sent, persisted (APQ) or trusted; `register` when it is to be persisted. */
export interface Found {
  query: string;
  /** The hash to store the text under (APQ) once the operation is admitted. */
  register?: string;
}

/** An operation ready to execute: everything the request was checked for, passed. */
export interface Prepared {
  document: DocumentNode;
  admission: Admission;
}

export interface PipelineOptions {
  schema: GraphQLSchema;
  limits: QueryLimits;
  /** Introspection queries (INTROSPECTION); refused by validation when off. */
  introspection: boolean;
  rateLimiter?: RateLimiter;
  /** PERSISTED_OPERATIONS_ONLY: the only documents served. */
  trustedDocuments?: TrustedDocuments;
  /** When hot queries are compiled (graphql/compiled-executor.ts). */
  compiledExecutor?: CompiledExecutorOptions;
  logger: Logger;
  /** Told of every admission decided (admission.ts): metrics, and tests counting its work. */
  onAdmission?: AdmissionInput['onAdmission'];
}

/** The bytes of query text the persisted-query cache holds at most (least recently used go first). */
export const APQ_CACHE_BYTES = 4 * 1024 * 1024;

/**
 * The one way an operation is run, whatever carried it: its text found (trusted documents,
 * automatic persisted queries), parsed with the token limit, validated with the same rules,
 * admitted (admission.ts: operation, scopes, cost, upstream calls, rate budget), executed
 * (compiled when hot, else graphql-js), and every error shaped by one formatter.
 *
 * Transports only translate their framing. graphql-ws calls `prepare` and `execute` directly;
 * HTTP runs Apollo Server, which is configured from this object (its parse options,
 * validation rules, document store and executor are these) and calls back into it from a
 * plugin (http/graphql-handler.ts). A rule added here holds on every transport.
 */
export class OperationPipeline {
  readonly schema: GraphQLSchema;
  readonly limits: QueryLimits;
  readonly parseOptions: ParseOptions;
  /** Run after graphql-js's specifiedRules: armor's depth, aliases and directives; introspection when off. */
  readonly validationRules: ValidationRule[];
  readonly executor: CompiledExecutor;
  /**
   * Validated documents by the sha256 of their text. Apollo's document store is this cache,
   * so a query's parsed document is one object on every transport: the compiled executor and
   * the budget memo find it hot wherever it was sent.
   */
  readonly documents = new InMemoryLRUCache<DocumentNode>();
  private readonly persisted = new InMemoryLRUCache<string>({
    maxSize: APQ_CACHE_BYTES,
    sizeCalculation: (query) => Buffer.byteLength(query),
  });
  private readonly logUnexpected: (error: unknown) => void;
  /** graphql-js's rules and ours, in the order Apollo runs them. */
  private readonly allRules: readonly ValidationRule[];

  constructor(private readonly options: PipelineOptions) {
    this.schema = options.schema;
    this.limits = options.limits;
    this.parseOptions = { maxTokens: options.limits.maxTokens };
    this.validationRules = [
      ...(armorFor(options.limits).validationRules as ValidationRule[]),
      ...(options.introspection ? [] : [IntrospectionOffRule]),
    ];
    this.allRules = [...specifiedRules, ...this.validationRules];
    this.executor = new CompiledExecutor(options.schema, options.compiledExecutor);
    this.logUnexpected = (error) => options.logger.error({ err: error }, 'unexpected error');
  }

  /**
   * The text a request runs, or why none: PERSISTED_OPERATIONS_ONLY serves only its trusted
   * documents; otherwise an automatic persisted query is looked up by its hash, or registered
   * with its text (which must match the hash, and needs credentials), or the text is run.
   */
  async find(request: OperationRequest, principal: Principal | null): Promise<Found> {
    const query = request.query || undefined;
    if (this.options.trustedDocuments) {
      const verdict = trustedText(this.options.trustedDocuments, Object.assign({}, request, { query }));
      if ('text' in verdict) return { query: verdict.text };
      if (query !== undefined && principal?.scopes.has('router') && this.isRouterText(query))
        return { query };
      throw requestError('OPERATION_NOT_TRUSTED', verdict.refused);
    }
    const persisted = request.extensions?.persistedQuery as
      { version?: unknown; sha256Hash?: unknown } | null | undefined;
    if (persisted) {
      // Apollo's protocol, in Apollo's words: clients (Apollo Client's persisted-query link)
      // read PersistedQueryNotFound as "send the text too".
      if (persisted.version !== 1) throw requestError('BAD_REQUEST', 'Unsupported persisted query version');
      const hash = String(persisted.sha256Hash);
      if (query === undefined) {
        const text = await this.persisted.get(hash);
        if (text === undefined) throw requestError('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');
        return { query: text };
      }
      if (sha256(query) !== hash) throw requestError('BAD_REQUEST', 'provided sha does not match query');
      if (!principal)
        throw requestError(
          'UNAUTHENTICATED',
          'registering a persisted query needs credentials: an API key or a bearer token',
        );
      return { query, register: hash };
    }
    if (query === undefined)
      throw requestError(
        'BAD_REQUEST',
        'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
      );
    return { query };
  }

  /** A router writes its own `_entities` documents: no manifest can list them (graphql/subgraph.ts). */
  private isRouterText(text: string): boolean {
    try {
      return isRouterDocument(parse(text, { maxTokens: this.options.limits.maxTokens }));
    } catch {
      return false; // not GraphQL: refused as untrusted
    }
  }

  /** Stores a persisted query's text once its operation was admitted (so a refused one stores nothing). */
  async register(found: Found): Promise<void> {
    if (found.register) await this.persisted.set(found.register, found.query);
  }

  /** A validated document of `text`, from the cache or parsed and validated now; GraphQL errors if it is neither. */
  async document(text: string): Promise<DocumentNode | readonly GraphQLError[]> {
    const key = sha256(text);
    const known = await this.documents.get(key);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(text, this.parseOptions);
    } catch (error) {
      const syntax = error as GraphQLError;
      return [
        new GraphQLError(syntax.message, {
          source: syntax.source,
          positions: syntax.positions,
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        }),
      ];
    }
    const invalid = validate(this.schema, document, this.allRules);
    if (invalid.length)
      return invalid.map(
        (error) =>
          new GraphQLError(error.message, {
            nodes: error.nodes,
            extensions: Object.assign({}, error.extensions, { code: 'GRAPHQL_VALIDATION_FAILED' }),
          }),
      );
    void this.documents.set(key, document);
    return document;
  }

  /** Admission (admission.ts) with this pipeline's limits and rate limiter. */
  admit(document: DocumentNode, request: OperationRequest, caller: Caller): Promise<Admission> {
    return traced('graphql.admission', {}, async (span) => {
      const admission = await admitOperation(
        Object.assign(this.budgetOf(caller), {
          principal: caller.principal,
          schema: this.schema,
          document,
          operationName: request.operationName,
          variables: request.variables ?? {},
          limits: this.limits,
          onAdmission: this.options.onAdmission,
        }),
      );
      span?.setAttributes({
        'graphql.operation.cost': admission.budget.cost,
        'beecloud_graphql.upstream_calls_predicted': admission.budget.calls,
      });
      return admission;
    });
  }

  /**
   * Everything before execution, for a transport that does not run Apollo: the text found,
   * the document parsed and validated (a malformed one is charged 1 to the caller), the
   * operation admitted and a persisted query registered. Errors as one list, never thrown.
   */
  async prepare(request: OperationRequest, caller: Caller): Promise<Prepared | readonly GraphQLError[]> {
    try {
      const found = await this.find(request, caller.principal);
      const document = await this.document(found.query);
      if (!('kind' in document)) {
        const limited = await this.chargeMalformed(caller);
        return limited ? [limited] : document;
      }
      const admission = await this.admit(document, request, caller);
      await this.register(found);
      return { document, admission };
    } catch (error) {
      return [error as GraphQLError];
    }
  }

  /**
   * Charges a document that did not parse or validate (1) to its caller: RATE_LIMITED to
   * answer instead when the caller's budget was already empty.
   */
  chargeMalformed(caller: Caller): Promise<GraphQLError | undefined> {
    return chargeRefusal(this.budgetOf(caller), 1);
  }

  private budgetOf(caller: Caller): RateBudget {
    return {
      rateLimiter: this.options.rateLimiter,
      rateKey: caller.rateKey,
      onRateLimited: caller.onRateLimited,
    };
  }

  /**
   * Runs a prepared query or mutation: compiled when hot, else graphql-js. An executor that
   * fails answers an error that `formatError` masks and logs, with `http.status` 500; it never
   * rejects, which graphql-ws would answer by closing the socket (4500) under every other
   * operation on it.
   */
  async execute(args: ExecutionArgs): Promise<ExecutionResult> {
    const operation = getOperationAST(args.document, args.operationName);
    try {
      return await this.executor.execute({
        document: args.document,
        operationName: args.operationName ?? null,
        operationType: operation?.operation,
        contextValue: args.contextValue,
        variableValues: args.variableValues ?? undefined,
      });
    } catch (error) {
      const failure = new GraphQLError(error instanceof Error ? error.message : String(error), {
        originalError: error instanceof Error ? error : undefined,
        extensions: { http: { status: 500 } },
      });
      return { errors: [failure] };
    }
  }

  /**
   * The one error formatter: publicError (graphql/errors.ts: listed codes keep their message,
   * the rest is masked and logged), and no "Did you mean …?" in any message, since suggestions
   * map the schema for a caller who may not see it.
   */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const shaped = publicError(formatted, originalOf(error), this.logUnexpected);
    const message = withoutSuggestion(shaped.message);
    return message === shaped.message ? shaped : Object.assign({}, shaped, { message });
  }

  formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((error) => this.formatError(error.toJSON(), error));
  }

  formatResult(result: ExecutionResult): FormattedExecutionResult {
    if (!result.errors?.length) return result as FormattedExecutionResult;
    return Object.assign({}, result, { errors: this.formatErrors(result.errors) });
  }
}

/**
 * What an operation's span says once it has run, on every transport: named `query Name` (or
 * `subscription`), with the operation's name, type, outcome and — when known — cost and the
 * upstream calls it made.
 */
export function describeOperationSpan(
  span: Span | undefined,
  ran: {
    operation?: string | null;
    operationType?: string;
    outcome?: string;
    cost?: number;
    upstreamCalls?: number;
  },
): void {
  if (!span) return;
  span.setAttributes({
    'graphql.operation.name': ran.operation ?? '',
    'graphql.operation.type': ran.operationType ?? '',
    'beecloud_graphql.outcome': ran.outcome ?? '',
    ...(ran.cost !== undefined ? { 'graphql.operation.cost': ran.cost } : {}),
    ...(ran.upstreamCalls !== undefined ? { 'beecloud_graphql.upstream_calls': ran.upstreamCalls } : {}),
  });
  if (ran.operationType) span.updateName(`${ran.operationType} ${ran.operation ?? ''}`.trim());
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** graphql-js appends suggestions as a last sentence: ` Did you mean "bills"?` (or several, or an enum value). */
const withoutSuggestion = (message: string) => message.replace(/ Did you mean [^?]*\?$/, '');

/** Armor's bounds on an operation's shape: depth, aliases, directives. (Tokens and cost are ours.) */
function armorFor(limits: QueryLimits) {
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // Tokens are counted by graphql-js's own parser (parseOptions.maxTokens).
    maxTokens: { enabled: false },
    // Cost is ours (graphql/operation-budget.ts): it reads page sizes from variables too.
    costLimit: { enabled: false },
    maxDirectives: { n: 20 },
    // Suggestions are taken out of every message by the formatter, on every transport.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/**
 * INTROSPECTION=false: `__schema` and `__type` are refused by validation, naming the setting
 * (graphql-js's own rule says only that introspection "has been disabled").
 */
const IntrospectionOffRule: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type))
      context.reportError(
        new GraphQLError(
          `introspection is off on this gateway (INTROSPECTION=false), so "${node.name.value}" cannot be queried; ` +
            'the schema is published as schema/schema.graphql',
          { nodes: node },
        ),
      );
  },
});
