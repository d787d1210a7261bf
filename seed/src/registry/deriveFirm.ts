import type { Problems } from './problems.ts';
import type { FieldValues, RowDraft } from './normaliseRow.ts';
import type { RegistryField } from './columns.ts';
import { isLeftStatus, type LeftKind } from './status.ts';
import { branchOf, isGroupName, isUnitName, normaliseName } from './names.ts';
import { placeFirm, type PlacementTuning } from './placeFirm.ts';
import { industryCodes, parseIndustry, withSection } from './industry.ts';
import type { FIRM_FIELDS } from './firmRecord.ts';
import type { z } from 'zod';

export type FirmFields = z.infer<typeof FIRM_FIELDS>;

const LEFT_DATE: Record<LeftKind, { field: RegistryField & keyof FieldValues; column: string }> = {
  closed: { field: 'closedOn', column: '注销日期' },
  revoked: { field: 'revokedOn', column: '吊销日期' },
  movedOut: { field: 'movedOutOn', column: '迁出日期' },
};

/**
 * When a firm that left did so: the export's own date for its kind (注销日期, 吊销日期, 迁出日期)
 * when it has one, else 核准日期 — the date of the registry's last change, which for a firm that
 * left is the change that made it leave — with the reason saying which.
 */
function leftOf(v: FieldValues, draft: RowDraft, problems: Problems): FirmFields['left'] {
  if (!isLeftStatus(v.status)) return null;
  const kind = v.status;
  const { field, column } = LEFT_DATE[kind];
  const own = v[field] as string | null;
  if (own !== null) return { kind, on: own, reason: `${draft.columnOf[field] ?? column} ${own}` };
  const missing = draft.columnOf[field] === undefined ? `the export has no ${column} column` : `the ${column} cell is empty`;
  if (v.approvedOn !== null) {
    return { kind, on: v.approvedOn, reason: `核准日期 ${v.approvedOn}: the registry's last change (${missing})` };
  }
  problems.add('left date', 'warning', { row: draft.rowNumber, column: draft.columnOf.status ?? null, value: v.statusText }, `${kind}, but ${missing} and 核准日期 is empty: when it left is unknown`);
  return { kind, on: null, reason: `no date: ${missing} and 核准日期 is empty` };
}

/** The fields of a firm (merged or held) with what is derived from them: left, parent, kind, placement. */
export function deriveFirm(v: FieldValues, draft: RowDraft, rowNumbers: number[], extra: Record<string, string | null>, problems: Problems, tuning?: PlacementTuning): FirmFields {
  const name = v.name ?? '';
  const parent = name ? branchOf(name) : null;
  if (name && !parent && isUnitName(name)) {
    problems.add('branch without parent', 'warning', { row: draft.rowNumber, column: draft.columnOf.name ?? null, value: name }, 'the name ends like a branch (分公司, 分店…) but no parent name can be read out of it');
  }
  const left = leftOf(v, draft, problems);
  if (left?.on && v.foundedOn && left.on < v.foundedOn) {
    problems.add('dates out of order', 'warning', { row: draft.rowNumber, value: `${v.foundedOn} / ${left.on}` }, `left (${left.on}) before it was founded (${v.foundedOn})`);
  }
  return {
    rowNumbers,
    name,
    nameKey: normaliseName(name),
    formerNames: v.formerNames ?? [],
    nameEn: v.nameEn,
    legalRepresentative: v.legalRepresentative,
    status: v.status,
    statusText: v.statusText,
    foundedOn: v.foundedOn,
    approvedOn: v.approvedOn,
    registeredCapital: v.registeredCapital,
    paidInCapital: v.paidInCapital,
    companyType: v.companyType,
    industry: v.industry,
    industryCodes: v.industry ? industryCodes(parseIndustry(v.industry)).map(withSection) : [],
    province: v.province,
    city: v.city,
    county: v.county,
    address: v.address,
    businessScope: v.businessScope,
    insuredStaff: v.insuredStaff,
    kind: parent || isUnitName(name) ? 'unit' : isGroupName(name) ? 'group' : 'firm',
    left,
    parent,
    placement: placeFirm({ name, industry: v.industry, businessScope: v.businessScope }, tuning),
    extra,
  };
}
