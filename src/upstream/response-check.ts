import { toJsonSchema } from '@valibot/to-json-schema';
import { Ajv, type ValidateFunction } from 'ajv';
import * as v from 'valibot';
import type { EndpointName, EndpointResponse } from '../wire/index.js';
import { firstProblem, RESPONSE_SCHEMAS } from './response-schemas.js';
import { UpstreamError } from './upstream-error.js';

/**
 * The edge check of response-schemas.ts, run as code compiled for each schema. valibot stays
 * the one description of an answer (its types are checked against src/wire) and the one
 * explainer of a bad answer; what runs on a good answer is that description converted to JSON
 * Schema by valibot's own converter and compiled by ajv. valibot's generic walk, which builds
 * a dataset per field and a copy of every record, cost a 50-bill page ~9% of the gateway's CPU
 * (paired bench:ab rounds), several times what the same walk costs in isolation.
 *
 * The compiled check only ever waves an answer through; it never turns one away. An answer it
 * does not hold goes to valibot, whose verdict stands, so checkAnswer decides as valibot alone
 * would: test/upstream/response-check.test.ts holds it to that on every schema's answers,
 * whole and broken field by field.
 */
const ajv = new Ajv({ removeAdditional: true, strict: true, allowUnionTypes: true });

/**
 * The converter's JSON Schema, in the words ajv checks fastest, meaning the same:
 * - valibot's `object` drops the keys it does not describe: in JSON Schema, an object closed by
 *   `additionalProperties: false`, which ajv (`removeAdditional`) then deletes. Records
 *   (`v.record`, without `properties`) keep their keys.
 * - `v.nullable(v.string())` comes as `anyOf: [{ type: 'string' }, { type: 'null' }]`, for which
 *   ajv records a failed first branch on every null before it tries the second: five error
 *   objects per bill record, most of the check's allocation. `type: ['string', 'null']` is the
 *   same rule in one test.
 */
function forAjv(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forAjv);
  if (typeof schema !== 'object' || schema === null) return schema;
  const rewritten: Record<string, unknown> = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, forAjv(value)]),
  );
  if ('properties' in rewritten) rewritten.additionalProperties = false;
  const [first, second, ...more] = (rewritten.anyOf ?? []) as Array<Record<string, unknown>>;
  const typeOnly = (branch: Record<string, unknown> | undefined) =>
    branch !== undefined && Object.keys(branch).length === 1 && typeof branch.type === 'string';
  if (typeOnly(first) && typeOnly(second) && second!.type === 'null' && more.length === 0) {
    delete rewritten.anyOf;
    rewritten.type = [first!.type, 'null'];
  }
  return rewritten;
}

/**
 * The endpoint's compiled check: true (the answer holds, its unknown keys now removed) or false.
 * Compiled on the endpoint's first answer: ajv takes a few milliseconds per schema.
 */
const compiled = new Map<EndpointName, ValidateFunction>();
export function compiledCheck(endpoint: EndpointName): ValidateFunction {
  let check = compiled.get(endpoint);
  if (!check) {
    check = ajv.compile(forAjv(toJsonSchema(RESPONSE_SCHEMAS[endpoint])) as object);
    compiled.set(endpoint, check);
  }
  return check;
}

/**
 * A success answer as its endpoint's type (fields beyond the schema removed), or
 * UPSTREAM_BAD_RESPONSE naming the first field that is off.
 */
export function checkAnswer<E extends EndpointName>(endpoint: E, body: unknown): EndpointResponse<E> {
  if (compiledCheck(endpoint)(body)) return body as EndpointResponse<E>;
  const checked = v.safeParse(RESPONSE_SCHEMAS[endpoint], body);
  if (checked.success) return checked.output as EndpointResponse<E>;
  throw new UpstreamError(
    'UPSTREAM_BAD_RESPONSE',
    `the payment service's answer is not as documented (${firstProblem(checked.issues)})`,
  );
}
