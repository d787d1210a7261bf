import { GraphQLScalarType } from 'graphql';

export type ResolverMap = Record<string, Record<string, unknown> | GraphQLScalarType>;

/** Merges resolver maps type by type; a field defined twice is a programming error. */
export function mergeResolvers(...maps: Array<Record<string, unknown>>): ResolverMap {
  const out: ResolverMap = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      if (fields instanceof GraphQLScalarType) {
        out[typeName] = fields;
        continue;
      }
      const target = (out[typeName] ??= {}) as Record<string, unknown>;
      for (const [field, fn] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`Resolver ${typeName}.${field} is defined twice.`);
        target[field] = fn;
      }
    }
  }
  return out;
}

