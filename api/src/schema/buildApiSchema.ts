import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema,
  concatAST,
  GraphQLEnumType,
  GraphQLObjectType,
  GraphQLScalarType,
  parse,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { recruitmentResolvers, recruitmentTypeDefs } from '../recruitment/index.ts';
import { resolvers as coreResolvers } from '../resolvers/index.ts';
import { mergeResolvers } from './mergeResolvers.ts';

const SCHEMA_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The SDL files of this folder, in name order, then the recruitment module's (which uses `extend type Query`). */
export function loadTypeDefs(): string[] {
  const own = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(SCHEMA_DIR, f), 'utf8'));
  return [...own, ...recruitmentTypeDefs];
}

/**
 * Builds the executable schema: the merged SDL (graphql-js's buildASTSchema applies
 * `extend type` definitions of the same document) with the resolvers attached to its fields.
 * A resolver for a type or field the SDL lacks fails the start, so typos cannot hide.
 */
export function buildApiSchema(): GraphQLSchema {
  const schema = buildASTSchema(concatAST(loadTypeDefs().map((s) => parse(s))));
  const map = mergeResolvers(coreResolvers, recruitmentResolvers);
  for (const [typeName, fields] of Object.entries(map)) {
    const type = schema.getType(typeName);
    if (!type) throw new Error(`Resolvers given for ${typeName}, which the schema does not define.`);
    if (type instanceof GraphQLScalarType && fields instanceof GraphQLScalarType) {
      Object.assign(type, { serialize: fields.serialize, parseValue: fields.parseValue, parseLiteral: fields.parseLiteral });
      continue;
    }
    if (type instanceof GraphQLEnumType) continue;
    if (!(type instanceof GraphQLObjectType)) throw new Error(`Resolvers given for ${typeName}, which is not an object type.`);
    const defs = type.getFields();
    for (const [fieldName, fn] of Object.entries(fields as Record<string, unknown>)) {
      const def = defs[fieldName];
      if (!def) throw new Error(`Resolver ${typeName}.${fieldName} has no field in the schema.`);
      def.resolve = fn as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
