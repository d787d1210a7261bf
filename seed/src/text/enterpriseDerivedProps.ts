import { normaliseName } from '../registry/names.ts';
import { searchFields, type SearchFields } from './searchFields.ts';

/** The properties of an Enterprise that every writer derives instead of taking them as given. */
export interface EnterpriseDerivedProps extends SearchFields {
  /** normaliseName(name): what the registry importer matches a firm by (neo4j index `enterprise_name_key`). */
  nameKey: string;
}

/**
 * The derived properties of an Enterprise, the same for every path that writes one (the importer,
 * the API's mutations): the search fields over its name, English name, aliases and former names
 * (曾用名 are searched as aliases are), and its name key.
 */
export function enterpriseDerivedProps(e: {
  name: string;
  nameEn?: string | null;
  aliases?: readonly string[] | null;
  formerNames?: readonly string[] | null;
}): EnterpriseDerivedProps {
  const others = [...(e.aliases ?? []), ...(e.formerNames ?? [])];
  return { ...searchFields(e.name, e.nameEn ?? null, others), nameKey: normaliseName(e.name) };
}
