import { z } from 'zod';
import { parseIsoPrefix } from '@cangshan/model';
import { badInput } from '../../errors/index.ts';

/** An ISO date at any precision, as every date of the API (also the pipeline's due dates). */
export const isoDate = z
  .string()
  .max(10)
  .refine((s) => {
    try {
      parseIsoPrefix(s);
      return true;
    } catch {
      return false;
    }
  }, 'must be an ISO date at any precision: "2019", "2019-11" or "2019-11-05"');

const text = (max: number) => z.string().trim().min(1).max(max);

export const sourceSchema = z
  .object({
    kind: z.enum(['STATED', 'CURATED']),
    quotes: z.array(text(2000)).max(20).nullish(),
    reason: text(1000).nullish(),
    docId: text(200).nullish(),
  })
  .refine((s) => s.kind !== 'STATED' || (s.quotes?.length ?? 0) > 0, { message: 'a STATED source needs at least one quote', path: ['quotes'] })
  .refine((s) => s.kind !== 'CURATED' || !!s.reason, { message: 'a CURATED source needs a reason', path: ['reason'] });

const enterpriseFields = {
  name: text(200),
  nameEn: text(200).nullish(),
  aliases: z.array(text(200)).max(50).nullish(),
  isAnchor: z.boolean().nullish(),
  local: z.boolean().nullish(),
  kind: z.enum(['firm', 'group', 'unit']).nullish(),
  unitType: z.enum(['hq', 'lab', 'rd-centre', 'incubator', 'branch']).nullish(),
  origin: text(100).nullish(),
  signedOn: isoDate.nullish(),
  landedOn: isoDate.nullish(),
  description: text(2000).nullish(),
  revenueYuan: z.number().finite().nonnegative().nullish(),
};

export const enterpriseInputSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'must be a slug: lower-case letters, digits and dashes, 2–80 characters'),
  ...enterpriseFields,
  source: sourceSchema,
  parkId: text(200).nullish(),
  segmentId: text(200).nullish(),
});

export const enterprisePatchSchema = z.object({ ...enterpriseFields, name: text(200).optional(), source: sourceSchema.nullish() });

export const relationInputSchema = z.object({
  type: z.string(),
  fromId: text(200),
  toId: text(200),
  since: isoDate.nullish(),
  source: sourceSchema,
});

/** Validates a mutation argument with zod; the first problem becomes BAD_USER_INPUT naming the field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, argument: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = [argument, ...(issue?.path ?? []).map(String)].join('.');
  throw badInput(field, `\`${field}\` ${issue?.message ?? 'is invalid'}.`);
}
