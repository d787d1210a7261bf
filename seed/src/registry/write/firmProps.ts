import type { PropValue } from '@cangshan/model';
import type { RegistryFirm } from '../firmRecord.ts';

/**
 * The Enterprise properties a registry export fills (docs/MODEL.md, "Registry fields"), from a
 * firm of understandRegistryExport. Null = the export does not say (an empty cell): the writer
 * never erases a known value with it.
 */
export interface RegistryFields {
  creditCode: string | null;
  registrationNumber: string | null;
  nameEn: string | null;
  formerNames: string[];
  legalRepresentative: string | null;
  status: string | null;
  statusText: string | null;
  foundedOn: string | null;
  approvedOn: string | null;
  registeredCapital: RegistryFirm['registeredCapital'];
  paidInCapital: RegistryFirm['paidInCapital'];
  companyType: string | null;
  industry: string | null;
  industryCodes: string[];
  province: string | null;
  city: string | null;
  county: string | null;
  address: string | null;
  businessScope: string | null;
  insuredStaff: number | null;
  /** Columns the model has no property for, as `header: value` lines (`所属园区: 海峡创意产业园`). */
  registryExtras: string[];
}

/** Extra columns that say nothing about the firm: the export's own row counter. */
const NOT_ABOUT_THE_FIRM = new Set(['序号', '编号', 'NO', 'No', 'no']);

/**
 * Extra columns kept as lines rather than properties: property names must be identifiers, and a
 * planner reads `登记机关: 福州市仓山区市场监督管理局` better than a made-up pinyin key.
 */
export function extrasOf(extra: Record<string, string | null>): string[] {
  return Object.entries(extra)
    .filter(([h, v]) => v !== null && v.trim() !== '' && !NOT_ABOUT_THE_FIRM.has(h.trim()))
    .map(([h, v]) => `${h}: ${(v as string).trim()}`);
}

export function registryFields(f: RegistryFirm): RegistryFields {
  return {
    creditCode: f.identity.kind === 'creditCode' ? f.identity.code : null,
    registrationNumber: f.identity.kind === 'registrationNumber' ? f.identity.code : f.identity.registrationNumber,
    nameEn: f.nameEn,
    formerNames: f.formerNames,
    legalRepresentative: f.legalRepresentative,
    status: f.status,
    statusText: f.statusText,
    foundedOn: f.foundedOn,
    approvedOn: f.approvedOn,
    registeredCapital: f.registeredCapital,
    paidInCapital: f.paidInCapital,
    companyType: f.companyType,
    industry: f.industry,
    industryCodes: f.industryCodes,
    province: f.province,
    city: f.city,
    county: f.county,
    address: f.address,
    businessScope: f.businessScope,
    insuredStaff: f.insuredStaff,
    registryExtras: extrasOf(f.extra),
  };
}

/** The fields as stored properties (money in its three properties); nulls kept, for the caller to drop. */
export function storedFields(r: RegistryFields): Record<string, PropValue> {
  const { registeredCapital: reg, paidInCapital: paid, ...rest } = r;
  return {
    ...rest,
    registeredCapitalAmount: reg?.amount ?? null,
    registeredCapitalCurrency: reg?.currency ?? null,
    registeredCapitalText: reg?.text ?? null,
    paidInCapitalAmount: paid?.amount ?? null,
    paidInCapitalCurrency: paid?.currency ?? null,
    paidInCapitalText: paid?.text ?? null,
  };
}

/** `row 5` / `rows 5, 9`: where in the file a firm was read. */
export function rowsText(rows: readonly number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`;
}

/** The reason of a fact the export records: `registry: 仓山区企业名录-2026-11.xlsx row 5`. */
export function registryReason(file: string, rows: readonly number[]): string {
  return `registry: ${file} ${rowsText(rows)}`;
}
