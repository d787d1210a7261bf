import path from 'node:path';
import { z } from 'zod';
import { parseColumnMap, RegistryReadError, understandRegistryExport, type ColumnMap, type UnderstoodExport } from '@cangshan/seed';
import { badInput } from '../../errors/index.ts';

/** RegistryFileInput (registry.graphql) as the resolvers hold it, checked. */
export interface RegistryFile {
  filename: string;
  bytes: Uint8Array;
  sheet: string | undefined;
  columns: ColumnMap | undefined;
  full: boolean;
  holdInvalid: boolean;
  districtId: string | undefined;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const INPUT = z.object({
  filename: z.string(),
  contentBase64: z.string(),
  sheet: z.string().nullish(),
  columns: z.unknown().optional(),
  full: z.boolean().nullish(),
  holdInvalid: z.boolean().nullish(),
  districtId: z.string().nullish(),
});

/**
 * The upload checked where it enters: a file name (its folder dropped: only the name is kept and
 * reported), base64 content that decodes to some bytes (a `data:…;base64,` prefix, as a browser's
 * FileReader gives, is allowed), and a column map that is one. Each fault is BAD_USER_INPUT
 * naming the field.
 */
export function registryFile(raw: unknown): RegistryFile {
  const input = INPUT.parse(raw); // GraphQL has checked the types already; this narrows them.
  const filename = path.basename(input.filename.replace(/\\/g, '/')).trim();
  if (filename === '') throw badInput('file.filename', '`file.filename` must be the file\'s name, e.g. 仓山区企业名录-2026-11.xlsx.');
  const text = input.contentBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1) throw badInput('file.contentBase64', '`file.contentBase64` is not base64: send the file\'s bytes base64-encoded.');
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  if (bytes.byteLength === 0) throw badInput('file.contentBase64', `${filename} is empty.`);
  let columns: ColumnMap | undefined;
  if (input.columns !== undefined && input.columns !== null) {
    try {
      columns = parseColumnMap(input.columns, 'file.columns');
    } catch (err) {
      throw badInput('file.columns', err instanceof Error ? err.message : String(err), err);
    }
  }
  return {
    filename,
    bytes,
    sheet: input.sheet ?? undefined,
    columns,
    full: input.full === true,
    holdInvalid: input.holdInvalid === true,
    districtId: input.districtId ?? undefined,
  };
}

/** Reads and understands the upload; a file that cannot be read is BAD_USER_INPUT saying why. */
export async function understandFile(f: RegistryFile): Promise<UnderstoodExport> {
  try {
    return await understandRegistryExport({ buffer: f.bytes, fileName: f.filename }, { ...(f.sheet ? { sheet: f.sheet } : {}), ...(f.columns ? { columns: f.columns } : {}) });
  } catch (err) {
    if (err instanceof RegistryReadError) throw badInput(/worksheet/.test(err.message) ? 'file.sheet' : 'file.contentBase64', `${err.message}. Nothing was read into the database.`, err);
    throw err;
  }
}
