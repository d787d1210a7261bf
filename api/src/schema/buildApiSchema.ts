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
import { capabilityResolvers } from '../capabilities/index.ts';
import { scalarResolvers } from '../scalars/index.ts';
import { mergeResolvers, type ResolverMap } from './mergeResolvers.ts';
import { refuseInvalidDates } from './refuseInvalidDates.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the SDL lives: the root types (this folder), the scalars, and each capability beside its resolvers. */
const SDL_FOLDERS = ['schema', 'scalars', 'capabilities'];

/** The `.graphql` files under `dir`, at any depth. */
function sdlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sdlFiles(p);
    return e.name.endsWith('.graphql') ? [p] : [];
  });
}

/** Every SDL file of the API: the root types first, then the scalars, then the capabilities, each folder in path order. */
export function loadTypeDefs(): string[] {
  return SDL_FOLDERS.flatMap((folder) => sdlFiles(path.join(SRC, folder)).sort()).map((f) => readFileSync(f, 'utf8'));
}

/** Attaches each resolver to its field; a resolver for a type or field the SDL lacks fails the start, so typos cannot hide. */
function attachResolvers(schema: GraphQLSchema, map: ResolverMap): void {
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
}

/**
 * Builds the executable schema: every SDL file in one document (graphql-js's buildASTSchema applies
 * the capabilities' `extend type Query` / `extend type Mutation`), every capability's resolvers and
 * the scalars attached to it, and the fields that take a date set to refuse a malformed one.
 */
export function buildApiSchema(): GraphQLSchema {
  const schema = buildASTSchema(concatAST(loadTypeDefs().map((s) => parse(s))));
  attachResolvers(schema, mergeResolvers(...capabilityResolvers, scalarResolvers));
  refuseInvalidDates(schema);
  return schema;
}
