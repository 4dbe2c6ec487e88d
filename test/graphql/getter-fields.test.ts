import 'reflect-metadata';
import { execute, isObjectType, parse, type GraphQLSchema } from 'graphql';
import type { Principal } from '../../src/auth/principal.js';
import { buildGatewaySchema } from '../../src/graphql/schema.js';
import type { BillRecord } from '../../src/wire/index.js';

/** Fields served by a getter are read as properties (graphql/getter-fields.ts). */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

const record: BillRecord = {
  id: 'c0ffee00-0000-4bee-8c1d-000000000001',
  bill_no: 'getter0001',
  total_fee: 1234,
  trade_no: '',
  channel: 'WX',
  sub_channel: 'WX_NATIVE',
  title: 'tea',
  spay_result: true,
  create_time: 1764300000000,
  optional: '{"order":"A-1"}',
  message_detail: '{"transaction_id":"42"}',
  revert_result: false,
  refund_result: false,
};
const principal: Principal = { id: 'test', kind: 'api-key', scopes: new Set(['bills:read']) };

describe('getter fields', () => {
  it('have no resolver, where every other field keeps its own', () => {
    const bill = schema.getType('Bill');
    const connection = schema.getType('BillConnection');
    if (!isObjectType(bill) || !isObjectType(connection)) throw new Error('no Bill type');
    for (const name of ['optional', 'messageDetail']) expect(bill.getFields()[name]!.resolve).toBeUndefined();
    for (const name of ['nodes', 'edges', 'pageInfo'])
      expect(connection.getFields()[name]!.resolve).toBeUndefined();
    // A field resolver of a resolver class, and a scoped one, stay.
    expect(bill.getFields().refunds!.resolve).toBeInstanceOf(Function);
    expect(connection.getFields().totalCount!.resolve).toBeInstanceOf(Function);
  });

  it('answer what their getters return', async () => {
    const api = {
      bills: async () => ({ bills: [record] }),
      billsCount: async () => ({ count: 1 }),
    };
    const result = await execute({
      schema,
      document: parse(
        '{ bills(first: 1) { nodes { optional messageDetail total { formatted } } pageInfo { hasPreviousPage } } }',
      ),
      contextValue: { principal, api, loaders: { primeBill: () => undefined } },
    });
    expect(result).toEqual({
      data: {
        bills: {
          nodes: [
            {
              optional: { order: 'A-1' },
              messageDetail: { transaction_id: '42' },
              total: { formatted: '¥12.34' },
            },
          ],
          pageInfo: { hasPreviousPage: false },
        },
      },
    });
  });
});
