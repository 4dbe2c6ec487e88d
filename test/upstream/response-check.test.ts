import * as v from 'valibot';
import { checkAnswer, compiledCheck } from '../../src/upstream/response-check.js';
import { firstProblem, RESPONSE_SCHEMAS } from '../../src/upstream/response-schemas.js';
import type { UpstreamError } from '../../src/upstream/upstream-error.js';
import type { EndpointName } from '../../src/wire/index.js';

/** The node kinds the response schemas are built of, as valibot shapes them. */
interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  options?: readonly unknown[];
  literal?: unknown;
  value?: SchemaNode;
  pipe?: ReadonlyArray<{ type: string }>;
}

/** Which of a schema's answers to build: every optional field there or none, nullables set or null. */
interface Shape {
  optionals: boolean;
  nulls: boolean;
}
/** Whole answers between them hold every optional field and every null and non-null value. */
const SHAPES: Shape[] = [
  { optionals: true, nulls: false },
  { optionals: false, nulls: false },
  { optionals: true, nulls: true },
];

/**
 * An answer the schema holds, of the given shape. Fails on a kind of node it does not know, so
 * that a schema built of something new is not left out of the comparison.
 */
function sample(schema: SchemaNode, shape: Shape): unknown {
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.entries!)
          .filter(([, entry]) => shape.optionals || entry.type !== 'optional')
          .map(([key, entry]) => [key, sample(entry, shape)]),
      );
    case 'optional':
      return sample(schema.wrapped!, shape);
    case 'nullable':
      return shape.nulls ? null : sample(schema.wrapped!, shape);
    case 'array':
      // Two items that differ: the second takes the picklists' other end.
      return [sample(schema.item!, shape), sample(schema.item!, { ...shape, optionals: !shape.optionals })];
    case 'record':
      return { key: sample(schema.value!, shape) };
    case 'string':
      return 'text';
    case 'number':
      return schema.pipe ? 3 : 0;
    case 'boolean':
      return true;
    case 'picklist':
      return shape.optionals ? schema.options![0] : schema.options!.at(-1);
    case 'literal':
      return schema.literal;
    default:
      throw new Error(`no sample for a valibot ${schema.type}`);
  }
}

type Path = Array<string | number>;

/** Every place in a value where a field or an item sits. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...at, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

/** A copy of `value` with `change` applied to what holds the last step of `path`. */
function changed(
  value: unknown,
  path: Path,
  change: (holder: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(value);
  let holder = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
  change(holder, path.at(-1)!);
  return copy;
}

/** Values that break most fields, and hold for some: what an upstream that drifted might send. */
const OTHER_VALUES = [
  null,
  'text',
  '',
  'MD5',
  'WX',
  'WX_NATIVE',
  'true',
  0,
  1.5,
  -1,
  2 ** 53,
  Infinity,
  true,
  false,
  {},
  [],
  ['text'],
];

/** The answers to compare for an endpoint: whole, and broken (or not) one field at a time. */
function answersFor(endpoint: EndpointName): unknown[] {
  const schema = RESPONSE_SCHEMAS[endpoint] as unknown as SchemaNode;
  const wholes = SHAPES.map((shape) => sample(schema, shape));
  const answers: unknown[] = [...wholes, null, [], 'text'];
  for (const whole of wholes) {
    answers.push(changed(whole, ['surplus'], (holder, key) => (holder[key] = 1)));
    for (const path of pathsOf(whole)) {
      const inArray = typeof path.at(-1) === 'number';
      // What JSON can hold: an array loses an item (no hole), an object a field.
      answers.push(
        changed(whole, path, (holder, key) =>
          inArray ? (holder as unknown as unknown[]).splice(key as number, 1) : delete holder[key],
        ),
      );
      for (const other of OTHER_VALUES)
        answers.push(changed(whole, path, (holder, key) => (holder[key] = other)));
      // A key the schema does not name, beside this field.
      if (!inArray)
        answers.push(
          changed(whole, [...path.slice(0, -1), 'surplus'], (holder, key) => (holder[key] = 'text')),
        );
    }
  }
  return answers;
}

/** What valibot alone makes of an answer: the checked answer, or the error the client throws. */
function byValibot(endpoint: EndpointName, answer: unknown): unknown {
  const checked = v.safeParse(RESPONSE_SCHEMAS[endpoint], answer);
  if (checked.success) return { holds: checked.output };
  return { refused: `the payment service's answer is not as documented (${firstProblem(checked.issues)})` };
}

/** What checkAnswer makes of it, in the same terms. */
function byCheckAnswer(endpoint: EndpointName, answer: unknown): unknown {
  try {
    return { holds: checkAnswer(endpoint, answer) };
  } catch (error) {
    return { refused: (error as UpstreamError).detail };
  }
}

describe('the compiled edge check', () => {
  const endpoints = Object.keys(RESPONSE_SCHEMAS) as EndpointName[];

  it.each(endpoints)('makes of every %s answer, whole or broken, what valibot makes of it', (endpoint) => {
    const answers = answersFor(endpoint);
    let held = 0;
    for (const answer of answers) {
      const expected = byValibot(endpoint, structuredClone(answer));
      expect({ answer, ...(byCheckAnswer(endpoint, structuredClone(answer)) as object) }).toStrictEqual({
        answer,
        ...(expected as object),
      });
      // The compiled check never waves through an answer valibot refuses.
      if (compiledCheck(endpoint)(structuredClone(answer))) expect(expected).toHaveProperty('holds');
      if ('holds' in (expected as object)) held++;
    }
    // Both verdicts occur: the comparison is not of answers that all hold, or all fail.
    expect(held).toBeGreaterThan(2);
    expect(held).toBeLessThan(answers.length / 2);
  });

  it.each(endpoints)('holds a whole %s answer by itself, without valibot', (endpoint) => {
    const schema = RESPONSE_SCHEMAS[endpoint] as unknown as SchemaNode;
    for (const shape of SHAPES) {
      const answer = sample(schema, shape);
      const seen = structuredClone(answer);
      expect(compiledCheck(endpoint)(seen)).toBe(true);
      expect(seen).toStrictEqual(answer);
    }
  });

  it('refuses more than valibot only where no BeeCloud answer reaches it', () => {
    // A result_code that is not finite never gets past parseEnvelope (only 0 does), and
    // result_map is a JSON object, never an array: valibot takes both, and so does checkAnswer.
    const refund = sample(RESPONSE_SCHEMAS.reviewRefunds as unknown as SchemaNode, SHAPES[0]!) as object;
    for (const answer of [
      { ...refund, result_code: Infinity },
      { ...refund, result_map: [] },
    ]) {
      expect(compiledCheck('reviewRefunds')(structuredClone(answer))).toBe(false);
      expect(byCheckAnswer('reviewRefunds', answer)).toStrictEqual(byValibot('reviewRefunds', answer));
    }
  });
});
