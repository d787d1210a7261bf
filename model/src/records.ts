import { z } from 'zod';
import { isIsoPartialDate, isPeriod } from './dates.ts';
import { SOURCE_KINDS, type NodeLabel } from './graph.ts';
import { FIRM_STATUSES, LEFT_HOWS } from './firmStatus.ts';

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
    // What a business-registry export says (docs/MODEL.md, "Registry fields").
    /** 统一社会信用代码 (GB 32100-2015), 18 characters, upper case. */
    creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code').nullish(),
    /** 注册号, the 15-digit registration number of firms registered before the credit code. */
    registrationNumber: str,
    /** 曾用名: the names it had before (searchable). */
    formerNames: strList,
    legalRepresentative: str,
    /** The registry status: active, closed, revoked, movedOut, suspended, liquidating. */
    status: z.enum(FIRM_STATUSES).nullish(),
    /** The status as the export wrote it (存续（在营、开业、在册）). */
    statusText: str,
    foundedOn: optDate,
    approvedOn: optDate,
    /** When it left the district (closed, revoked or moved out); "as of" a later date it no longer counts. */
    leftOn: optDate,
    /** How it left: closed (注销), revoked (吊销), movedOut (迁出), or notInFullExport. */
    leftHow: z.enum(LEFT_HOWS).nullish(),
    /** Amounts as written, never converted: the amount, its ISO currency, and the text of the cell. */
    registeredCapitalAmount: num,
    registeredCapitalCurrency: str,
    registeredCapitalText: str,
    paidInCapitalAmount: num,
    paidInCapitalCurrency: str,
    paidInCapitalText: str,
    companyType: str,
    /** 所属行业 as written, and its GB/T 4754-2017 codes with the section letter (I6513). */
    industry: str,
    industryCodes: strList,
    province: str,
    city: str,
    county: str,
    address: str,
    businessScope: str,
    insuredStaff: z.number().int().nonnegative().nullish(),
    /** A chain placement waiting for a person: 'pending' (see suggestedSegmentId), or 'confirmed' once a planner decided. */
    placementReview: z.enum(['pending', 'confirmed']).nullish(),
    /** The segment the placement rules suggest for a pending review (no IN_SEGMENT until confirmed). */
    suggestedSegmentId: ID.nullish(),
    placementConfidence: z.number().min(0).max(1).nullish(),
    /** The rule that decided the placement (CURATED: 所属行业=…; 经营范围 contains …). */
    placementReason: str,
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

export const REL_PROPS = z.object({
  ...common,
  since: optDate,
  /** How strong a tie is, > 0 (default 1): the recruitment ranking weighs ties by it. */
  weight: z.number().finite().positive('must be > 0').nullish(),
  /** IN_SEGMENT placed by rules: their confidence, 0–1. */
  confidence: z.number().min(0).max(1).nullish(),
  /** IN_SEGMENT confirmed by a planner: who and when (ISO datetime). */
  reviewedBy: str,
  reviewedAt: str,
});


export const EXTRA_PROP = extra;
export const PROP_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
