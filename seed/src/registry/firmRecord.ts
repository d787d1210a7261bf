import { z } from 'zod';
import { isIsoPartialDate } from '@cangshan/model';
import { FIRM_STATUSES, LEFT_STATUSES } from './status.ts';

/**
 * What this layer hands the database writer, as zod schemas (the types are inferred from them and
 * every firm is checked against them before it leaves understandRegistryExport).
 */
const isoDate = z.string().refine(isIsoPartialDate, 'must be an ISO date at the precision known');

export const MONEY = z.object({ amount: z.number().finite().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/), text: z.string() });

export const PLACEMENT = z.object({
  segmentId: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  reason: z.string().min(1),
  needsReview: z.boolean(),
  score: z.number().nonnegative(),
  runnerUp: z.object({ segmentId: z.string().nullable(), score: z.number() }).nullable(),
});

/** The firm's fields as read and normalised from its rows (held firms have them too). */
export const FIRM_FIELDS = z.object({
  /** Spreadsheet rows the firm was read from (more than one when it was listed twice). */
  rowNumbers: z.array(z.number().int().positive()).min(1),
  name: z.string(),
  /** normaliseName(name): what names are matched by (parents, former names, other sources). */
  nameKey: z.string(),
  formerNames: z.array(z.string()),
  nameEn: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  status: z.enum(FIRM_STATUSES).nullable(),
  statusText: z.string().nullable(),
  foundedOn: isoDate.nullable(),
  approvedOn: isoDate.nullable(),
  registeredCapital: MONEY.nullable(),
  paidInCapital: MONEY.nullable(),
  companyType: z.string().nullable(),
  industry: z.string().nullable(),
  /** GB/T 4754-2017 codes of the industry, with their section letter (`I6513`). */
  industryCodes: z.array(z.string()),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  address: z.string().nullable(),
  businessScope: z.string().nullable(),
  insuredStaff: z.number().int().nonnegative().nullable(),
  /** The model's Enterprise.kind: a unit (branch) by its name, a group (集团) by its name, else a firm. */
  kind: z.enum(['firm', 'group', 'unit']),
  /** Closed, revoked or moved out, with the date the export gives and which column it came from. */
  left: z.object({ kind: z.enum(LEFT_STATUSES), on: isoDate.nullable(), reason: z.string() }).nullable(),
  /** A branch's parent, by name (the writer resolves it to a firm). */
  parent: z.object({ parentName: z.string(), parentKey: z.string(), reason: z.string() }).nullable(),
  placement: PLACEMENT,
  /** Columns this layer has no field for, by their header as written. */
  extra: z.record(z.string(), z.string().nullable()),
});

export const REGISTRY_FIRM = FIRM_FIELDS.extend({
  /** The identity firms are merged by: the credit code, or `reg:` + the 15-digit registration number. */
  key: z.string().min(1),
  identity: z.object({
    kind: z.enum(['creditCode', 'registrationNumber']),
    code: z.string(),
    /** The old 注册号 when the export also gives it. */
    registrationNumber: z.string().nullable(),
  }),
  name: z.string().min(1),
});
export type RegistryFirm = z.infer<typeof REGISTRY_FIRM>;

/** A row kept out of the merge until a person looks: its identity is wrong or missing, or it has no name. */
export const HELD_FIRM = FIRM_FIELDS.extend({
  /** `row:12`: the row it came from. */
  key: z.string().regex(/^row:\d+$/),
  held: z.object({ column: z.string().nullable(), value: z.string().nullable(), why: z.string().min(1) }),
});
export type HeldFirm = z.infer<typeof HELD_FIRM>;
