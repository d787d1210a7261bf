import type { RegistryField } from './columns.ts';
import type { ColumnPlan } from './columnMap.ts';
import type { RegistryRow } from './readRegistryFile.ts';
import type { Problems } from './problems.ts';
import { validateCreditCode, cleanCode } from './creditCode.ts';
import { parseRegistryDate } from './dates.ts';
import { parseCapital, type Money } from './capital.ts';
import { parseStatus, type FirmStatus } from './status.ts';
import { splitFormerNames } from './names.ts';
import { cellValue, halfWidth } from './text.ts';

/** The typed value of each field, as one row gives it (null: empty or unreadable). */
export interface FieldValues {
  name: string | null;
  nameEn: string | null;
  legalRepresentative: string | null;
  status: FirmStatus | null;
  statusText: string | null;
  foundedOn: string | null;
  approvedOn: string | null;
  closedOn: string | null;
  revokedOn: string | null;
  movedOutOn: string | null;
  registeredCapital: Money | null;
  paidInCapital: Money | null;
  companyType: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  address: string | null;
  businessScope: string | null;
  formerNames: string[] | null;
  insuredStaff: number | null;
}

export type RowIdentity =
  | { ok: true; key: string; kind: 'creditCode' | 'registrationNumber'; code: string; registrationNumber: string | null }
  | { ok: false; column: string | null; value: string | null; why: string };

export interface RowDraft {
  rowNumber: number;
  values: FieldValues;
  extra: Record<string, string | null>;
  identity: RowIdentity;
  /** Which column each field came from (for problems found after the merge). */
  columnOf: Partial<Record<RegistryField, string>>;
}

const DATE_FIELDS = ['foundedOn', 'approvedOn', 'closedOn', 'revokedOn', 'movedOutOn'] as const;
const TEXT_FIELDS = ['nameEn', 'legalRepresentative', 'companyType', 'industry', 'province', 'city', 'county', 'address', 'businessScope'] as const;

function emptyValues(): FieldValues {
  return {
    name: null, nameEn: null, legalRepresentative: null, status: null, statusText: null, foundedOn: null, approvedOn: null, closedOn: null, revokedOn: null,
    movedOutOn: null, registeredCapital: null, paidInCapital: null, companyType: null, industry: null, province: null, city: null, county: null, address: null,
    businessScope: null, formerNames: null, insuredStaff: null,
  };
}

function identityOf(row: RegistryRow, plan: ColumnPlan[], problems: Problems, columnOf: RowDraft['columnOf']): RowIdentity {
  const codeCol = columnOf.creditCode;
  const regCol = columnOf.registrationNumber;
  const codeText = codeCol ? cellValue(row.cells[codeCol]) : null;
  const regText = regCol ? cellValue(row.cells[regCol]) : null;
  const regClean = regText !== null && /^\d{15}$/.test(cleanCode(regText)) ? cleanCode(regText) : null;
  const at = { row: row.rowNumber };
  if (codeText !== null) {
    const v = validateCreditCode(codeText);
    if (!v.ok) {
      problems.add('invalid credit code', 'error', { ...at, column: codeCol ?? null, value: codeText }, `${v.reason}: the firm is held for review, not merged by this code`);
      return { ok: false, column: codeCol ?? null, value: codeText, why: `invalid credit code: ${v.reason}` };
    }
    if (v.kind === 'registrationNumber') {
      problems.add('registration number', 'warning', { ...at, column: codeCol ?? null, value: codeText }, `${v.reason}: the firm is identified by it`);
      return { ok: true, key: `reg:${v.code}`, kind: 'registrationNumber', code: v.code, registrationNumber: v.code };
    }
    return { ok: true, key: v.code, kind: 'creditCode', code: v.code, registrationNumber: regClean };
  }
  if (regText !== null) {
    if (regClean !== null) {
      problems.add('registration number', 'warning', { ...at, column: regCol ?? null, value: regText }, 'no credit code: identified by its 15-digit registration number (注册号), which has no check character to verify');
      return { ok: true, key: `reg:${regClean}`, kind: 'registrationNumber', code: regClean, registrationNumber: regClean };
    }
    const why = `registration number has ${cleanCode(regText).length} characters, not 15 digits`;
    problems.add('invalid credit code', 'error', { ...at, column: regCol ?? null, value: regText }, `${why}: the firm is held for review`);
    return { ok: false, column: regCol ?? null, value: regText, why: `invalid registration number: ${why}` };
  }
  const why = plan.some((p) => p.field === 'creditCode' || p.field === 'registrationNumber') ? 'no credit code and no registration number in this row' : 'the file has no credit-code column';
  problems.add('missing identity', 'error', { ...at, column: codeCol ?? null }, `${why}: the firm is held for review`);
  return { ok: false, column: codeCol ?? null, value: null, why };
}

/**
 * One row read into typed fields: dates to ISO, capital to money, status to its kind, former
 * names to a list, the identity checked. Whatever cannot be read is left null and reported with
 * its row, column and value.
 */
export function normaliseRow(row: RegistryRow, plan: ColumnPlan[], problems: Problems): RowDraft {
  const values = emptyValues();
  const extra: Record<string, string | null> = {};
  const columnOf: RowDraft['columnOf'] = {};
  const noteOf: Partial<Record<RegistryField, string | null>> = {};
  for (const p of plan) {
    if (p.field === 'extra') extra[p.header] = cellValue(row.cells[p.header]);
    else {
      columnOf[p.field] = p.header;
      noteOf[p.field] = p.note;
    }
  }
  const cell = (f: RegistryField): string | null => {
    const h = columnOf[f];
    return h === undefined ? null : cellValue(row.cells[h]);
  };
  const where = (f: RegistryField, value: string | null) => ({ row: row.rowNumber, column: columnOf[f] ?? null, value });

  values.name = cell('name');
  for (const f of TEXT_FIELDS) values[f] = cell(f);
  for (const f of DATE_FIELDS) {
    const text = cell(f);
    const d = parseRegistryDate(text);
    if (d.ok) values[f] = d.iso;
    else problems.add('bad date', 'warning', where(f, text), `${d.reason}: left empty`);
  }
  for (const f of ['registeredCapital', 'paidInCapital'] as const) {
    const text = cell(f);
    const c = parseCapital(text, noteOf[f] ?? null);
    if (c.ok) values[f] = c.money;
    else problems.add('bad capital', 'warning', where(f, text), `${c.reason}: left empty`);
  }
  const statusText = cell('status');
  const s = parseStatus(statusText);
  values.statusText = statusText;
  if (!s.ok) problems.add('unknown status', 'warning', where('status', statusText), `${s.reason}: the status is left empty`);
  else {
    values.status = s.status;
    if (s.status === 'suspended') problems.add('suspended', 'warning', where('status', statusText), '停业: the firm is registered but not operating; it is kept, not counted as having left');
    if (s.status === 'liquidating') problems.add('liquidating', 'warning', where('status', statusText), '清算: the firm is being wound up; it is kept until the registry closes it');
  }
  const former = cell('formerNames');
  values.formerNames = former === null ? null : splitFormerNames(former);
  const staff = cell('insuredStaff');
  if (staff !== null) {
    const m = /^(\d+)\s*人?$/.exec(halfWidth(staff).replace(/,/g, '').trim());
    if (m) values.insuredStaff = Number(m[1]);
    else problems.add('bad number', 'warning', where('insuredStaff', staff), `"${staff}" is not a head count: left empty`);
  }
  return { rowNumber: row.rowNumber, values, extra, identity: identityOf(row, plan, problems, columnOf), columnOf };
}
