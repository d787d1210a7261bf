import type { RegistryFirm } from '../firmRecord.ts';
import { normaliseName } from '../names.ts';
import type { Candidate } from './readExisting.ts';
import { firmId } from './registryIds.ts';
import type { MatchedBy } from './registryPlan.ts';

export interface Match {
  candidate: Candidate;
  by: MatchedBy;
}

export type MatchResult = { kind: 'matched'; match: Match } | { kind: 'ambiguous'; by: MatchedBy; candidates: Candidate[] } | { kind: 'new' };

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The database's enterprises indexed by every identity and name a registry firm may be found by. */
export class CandidateIndex {
  private readonly byId = new Map<string, Candidate>();
  private readonly byCode = new Map<string, Candidate[]>();
  private readonly byRegNo = new Map<string, Candidate[]>();
  private readonly byName = new Map<string, Candidate[]>();
  private readonly byFormer = new Map<string, Candidate[]>();
  private readonly byAlias = new Map<string, Candidate[]>();

  constructor(candidates: readonly Candidate[]) {
    for (const c of candidates) {
      this.byId.set(c.id, c);
      if (c.creditCode) push(this.byCode, c.creditCode, c);
      if (c.registrationNumber) push(this.byRegNo, c.registrationNumber, c);
      if (c.nameKey) push(this.byName, c.nameKey, c);
      for (const k of new Set(c.formerKeys)) push(this.byFormer, k, c);
      for (const k of new Set(c.aliasKeys)) push(this.byAlias, k, c);
    }
  }

  /**
   * By identity: the id the import would give it, the credit code, then the registration number
   * (a firm first exported before it had a credit code).
   */
  byIdentity(f: RegistryFirm): Match | null {
    const own = this.byId.get(firmId(f));
    if (own) return { candidate: own, by: f.identity.kind };
    const code = f.identity.kind === 'creditCode' ? this.byCode.get(f.identity.code)?.[0] : undefined;
    if (code) return { candidate: code, by: 'creditCode' };
    const reg = f.identity.kind === 'registrationNumber' ? f.identity.code : f.identity.registrationNumber;
    const byReg = reg ? this.byRegNo.get(reg)?.[0] : undefined;
    return byReg ? { candidate: byReg, by: 'registrationNumber' } : null;
  }

  /**
   * By name, for a firm no identity found: its normalised name against the database's names, then
   * its former names against them and its name against their former names, then their aliases
   * (the article's 大吕网络科技有限公司 for 大吕网络科技). A firm with another credit code or
   * registration number is another firm; `taken` are ids already claimed in this import.
   */
  byNames(names: { nameKey: string; formerKeys: readonly string[]; code: string | null; registrationNumber: string | null }, taken: ReadonlySet<string>): MatchResult {
    const fits = (c: Candidate): boolean =>
      !taken.has(c.id) && !(c.creditCode && names.code && c.creditCode !== names.code) && !(c.registrationNumber && names.registrationNumber && c.registrationNumber !== names.registrationNumber);
    const levels: [MatchedBy, Candidate[]][] = [
      ['name', this.byName.get(names.nameKey) ?? []],
      ['formerName', [...names.formerKeys.flatMap((k) => this.byName.get(k) ?? []), ...(this.byFormer.get(names.nameKey) ?? [])]],
      ['alias', this.byAlias.get(names.nameKey) ?? []],
    ];
    for (const [by, found] of levels) {
      const distinct = [...new Map(found.filter(fits).map((c) => [c.id, c])).values()];
      if (distinct.length === 1) return { kind: 'matched', match: { candidate: distinct[0] as Candidate, by } };
      if (distinct.length > 1) return { kind: 'ambiguous', by, candidates: distinct };
    }
    return { kind: 'new' };
  }

  /** An enterprise by name alone (a branch's parent): its name, former name or alias; null when none or several. */
  byNameOnly(name: string): Candidate | null {
    const r = this.byNames({ nameKey: normaliseName(name), formerKeys: [], code: null, registrationNumber: null }, new Set());
    return r.kind === 'matched' ? r.match.candidate : null;
  }
}

/**
 * Finds each firm of the export in the database: first every firm by identity (so that a code
 * match is never taken away by another row's name), then the rest by name.
 */
export function matchFirms(firms: readonly RegistryFirm[], index: CandidateIndex): MatchResult[] {
  const taken = new Set<string>();
  const results: (MatchResult | null)[] = firms.map((f) => {
    const m = index.byIdentity(f);
    if (!m || taken.has(m.candidate.id)) return null;
    taken.add(m.candidate.id);
    return { kind: 'matched', match: m };
  });
  return firms.map((f, i) => {
    const done = results[i];
    if (done) return done;
    const r = index.byNames(
      {
        nameKey: f.nameKey,
        formerKeys: f.formerNames.map(normaliseName),
        code: f.identity.kind === 'creditCode' ? f.identity.code : null,
        registrationNumber: f.identity.kind === 'registrationNumber' ? f.identity.code : f.identity.registrationNumber,
      },
      taken,
    );
    if (r.kind === 'matched') taken.add(r.match.candidate.id);
    return r;
  });
}
