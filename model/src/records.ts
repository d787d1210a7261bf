import { z } from 'zod';
import { isIsoPartialDate, isPeriod } from './dates.ts';
import { SOURCE_KINDS, type NodeLabel } from './graph.ts';

/**
 * The typed properties of every label and relation, as zod schemas: what the importer validates
 * and what docs/DATA-FORMAT.md documents. Known properties are typed per label; other
 * properties are allowed when they are a scalar or a list of scalars (a researcher's own columns),
 * with names that are plain identifiers and do not start with `_` (reserved for the importer).
 */
export const ID = z
  .string()
  .min(1, 'is empty')
  .max(200, 'is longer than 200 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be a slug: letters, digits, . _ : - (no spaces), starting with a letter or digit');

const isoDate = z.string().refine(isIsoPartialDate, 'must be an ISO date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD');
const optDate = isoDate.nullish();
const str = z.string().nullish();
const strList = z.array(z.string()).nullish();
const num = z.number().finite().nullish();
const bool = z.boolean().nullish();
const extra = z.union([z.string(), z.number().finite(), z.boolean(), z.null(), z.array(z.string()), z.array(z.number().finite()), z.array(z.boolean())]);

const common = {
  synthetic: z.boolean(),
  sourceKind: z.enum(SOURCE_KINDS),
  quotes: strList,
  reason: str,
  docId: ID.nullish(),
};

const named = { name: z.string().min(1, 'is empty'), nameEn: str, aliases: strList, description: str };

export const NODE_PROPS: Record<NodeLabel, z.ZodObject> = {
  Enterprise: z.object({
    ...common,
    ...named,
    isAnchor: bool,
    local: bool,
    kind: z.enum(['firm', 'group', 'unit']).nullish(),
    unitType: z.enum(['hq', 'lab', 'rd-centre', 'incubator', 'branch']).nullish(),
    origin: str,
    signedOn: optDate,
    landedOn: optDate,
    revenueYuan: num,
  }),
  Project: z.object({
    ...common,
    ...named,
    category: z.enum(['智能仓山', '平台仓山']).nullish(),
    signedOn: optDate,
    landedOn: optDate,
    amountYuan: num,
    local: bool,
  }),
  Place: z.object({ ...common, ...named, kind: z.enum(['district', 'park', 'city', 'province', 'region']) }),
  Chain: z.object({ ...common, ...named, order: z.number().int().nullish() }),
  Segment: z.object({
    ...common,
    ...named,
    chainId: ID,
    order: z.number().int().min(1, 'must be ≥ 1 (1 = most upstream)'),
    layer: str,
    layerEn: str,
  }),
  Mechanism: z.object({ ...common, ...named }),
  Indicator: z.object({
    ...common,
    ...named,
    period: z.string().refine(isPeriod, 'must be YYYY, YYYY-MM, YYYY-MM-DD or a span YYYY/YYYY'),
    value: z.number().finite(),
    unit: z.string().min(1),
  }),
  Document: z.object({ ...common, title: z.string().min(1), publisher: str, publishedOn: optDate, url: str, name: str }),
};

export const REL_PROPS = z.object({ ...common, since: optDate });


export const EXTRA_PROP = extra;
export const PROP_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
