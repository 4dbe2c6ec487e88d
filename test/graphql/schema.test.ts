import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { buildGatewaySchema, printGatewaySdl } from '../../src/graphql/schema.js';

const root = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every type, field, argument and enum value without a description, as `Type.field(arg)`. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues())
        if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('the committed schema', () => {
  it('documents every type, field, argument and enum value', async () => {
    expect(undocumented(await buildGatewaySchema())).toEqual([]);
  });

  it('is exactly what the code emits (run `npm run schema` after changing types)', async () => {
    expect(read('schema/schema.graphql')).toBe(printGatewaySdl(await buildGatewaySchema()));
  });

  it('has typed documents and the trusted-documents manifest generated from the current operations (run `npm run codegen`)', () => {
    // The real CLI, with codegen.yml's settings, writing to scratch files instead.
    const scratch = mkdtempSync(join(tmpdir(), 'bc-codegen-'));
    const out = join(scratch, 'graphql.ts');
    const manifest = join(scratch, 'trusted-documents.json');
    const config = join(root, 'codegen.scratch.yml');
    writeFileSync(
      config,
      read('codegen.yml')
        .replace('schema/generated/graphql.ts:', `${out}:`)
        .replace('schema/generated/trusted-documents.json:', `${manifest}:`),
    );
    try {
      execFileSync(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', config, '--silent'], {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: 'pipe',
      });
    } finally {
      rmSync(config, { force: true });
    }
    expect(read('schema/generated/graphql.ts')).toBe(readFileSync(out, 'utf8'));
    expect(read('schema/generated/trusted-documents.json')).toBe(readFileSync(manifest, 'utf8'));
  });
});
