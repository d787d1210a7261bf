// The GraphQL enums that spell the model's vocabulary say what @cangshan/model says, in its order.
import { describe, expect, it } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { FIRM_STATUSES, LEFT_HOWS, SOURCE_KINDS, WRITABLE_REL_TYPES } from '@cangshan/model';
import { DEPARTURE_NAMES, FIRM_STATUS_NAMES } from '../../capabilities/enterprise/registryFields.ts';
import { PATH_RELATIONS } from '../../capabilities/graph/pathQuery.ts';
import { buildApiSchema } from '../buildApiSchema.ts';

const schema = buildApiSchema();

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.name);
}

describe('the GraphQL enums mirror the model', () => {
  it('RelationType is the model’s writable relation types', () => {
    expect(enumValues('RelationType')).toEqual([...WRITABLE_REL_TYPES]);
  });

  it('a path may follow exactly those types (the builder checks them again, as they go into the Cypher text)', () => {
    expect([...PATH_RELATIONS].sort()).toEqual([...WRITABLE_REL_TYPES].sort());
  });

  it('SourceKind is the model’s source kinds', () => {
    expect(enumValues('SourceKind')).toEqual([...SOURCE_KINDS]);
  });

  it('FirmStatus and Departure spell the model’s statuses and ways of leaving, in its order', () => {
    expect(enumValues('FirmStatus')).toEqual(FIRM_STATUSES.map((s) => FIRM_STATUS_NAMES[s]));
    expect(enumValues('Departure')).toEqual(LEFT_HOWS.map((h) => DEPARTURE_NAMES[h]));
  });
});
