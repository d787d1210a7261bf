import type { DataSet, NodeRecord, PropValue, RelRecord } from '@cangshan/model';
import { chainReferenceDataSet } from '../chains/chainReferenceData.ts';
import { document } from '../article/places.ts';
import { CITIES, PARKS, firmName, homePark } from './names.ts';
import { Prng } from './prng.ts';
import { MONTHS, TIE_SUPPLIES, simulate } from './simulate.ts';
import { simulateSupplyDriven } from './simulateSupplyDriven.ts';

/** How firms arrive (docs/SYNTHETIC.md): the hazard model, or the supply-driven process of another design. */
export const ARRIVAL_PROCESSES = ['hazard', 'supply'] as const;
export type ArrivalProcess = (typeof ARRIVAL_PROCESSES)[number];

export interface SyntheticOptions {
  /** Number of Enterprise nodes (anchors, firms, units and groups together). */
  enterprises: number;
  seed: number;
  /** The arrival process; 'hazard' (the default) unless a test of generalisation asks for 'supply'. */
  process?: ArrivalProcess;
}

const SYN: Record<string, PropValue> = { synthetic: true, sourceKind: 'SYNTHETIC', quotes: null, reason: null, docId: null };

/** Month index (0 = 2014-01) → `YYYY-MM`. */
export function monthIso(m: number): string {
  return `${2014 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

const DISTRICT = 'syn-district';
const UNIT_TYPES = ['branch', 'hq', 'rd-centre', 'lab'] as const;

/**
 * The synthetic district (docs/SYNTHETIC.md): N enterprises that arrive month by month over
 * 2014–2024, drawn by anchors and by their ties, plus outside firms that never land. Deterministic:
 * the same options give a byte-identical data set. Everything generated is `synthetic: true`,
 * `sourceKind: 'SYNTHETIC'`, with ids prefixed `syn-`; the chain reference data (real, CURATED) is
 * included as is, by its own ids, so the set imports into an empty database.
 */
export function generateSynthetic({ enterprises, seed, process = 'hazard' }: SyntheticOptions): DataSet {
  if (!Number.isInteger(enterprises) || enterprises < 20) throw new RangeError('enterprises must be an integer ≥ 20');
  const ref = chainReferenceDataSet();
  const segNodes = ref.nodes.filter((n) => n.label === 'Segment');
  const segIdx = new Map(segNodes.map((s, i) => [s.id, i]));
  const feeds = ref.relations.filter((r) => r.type === 'FEEDS').map((r) => [segIdx.get(r.from) ?? -1, segIdx.get(r.to) ?? -1] as [number, number]);
  const sim = (process === 'supply' ? simulateSupplyDriven : simulate)({
    enterprises,
    seed,
    segments: segNodes.map((s) => ({ id: s.id, chainId: String(s.chainId) })),
    feeds,
    cities: CITIES.length,
    cityWeights: CITIES.map((c) => c[3]),
  });
  const rng = new Prng(seed ^ 0x5eed);
  const width = String(enterprises).length;
  const eid = (i: number): string => `syn-e${String(i).padStart(width, '0')}`;
  // The chains cite the article: its Document comes along (real, STATED), so the set stands alone.
  const nodes: NodeRecord[] = [document, ...ref.nodes];
  const relations: RelRecord[] = [...ref.relations];
  const rel = (type: RelRecord['type'], from: string, to: string, since: string | null, extra: Record<string, PropValue> = {}): void => {
    relations.push({ type, from, to, since, ...extra, ...SYN });
  };

  nodes.push({ id: DISTRICT, label: 'Place', kind: 'district', name: '合成示范区', nameEn: 'Synthetic district', aliases: null, description: 'A generated district for scale tests and back-testing.', ...SYN });
  for (const [id, name, nameEn] of PARKS) {
    nodes.push({ id, label: 'Place', kind: 'park', name, nameEn, aliases: null, description: null, ...SYN });
    rel('PART_OF', id, DISTRICT, null);
  }
  for (const [slug, name, nameEn] of CITIES) nodes.push({ id: `syn-city-${slug}`, label: 'Place', kind: 'city', name, nameEn, aliases: null, description: null, ...SYN });

  const parkOf = new Array<string | null>(enterprises).fill(null);
  const seen = new Set<string>();
  for (let i = 0; i < enterprises; i++) {
    const s = segNodes[sim.seg[i] as number] as NodeRecord;
    const city = CITIES[sim.origin[i] as number] as (typeof CITIES)[number];
    const group = sim.isGroup[i] === 1;
    const anchor = sim.isAnchor[i] === 1;
    let nm = firmName(rng, s.id, group);
    if (seen.has(nm.name)) nm = { name: `${city[1]}${nm.name}`, nameEn: `${nm.nameEn} (${city[2]})`, short: nm.short };
    seen.add(nm.name);
    const landed = sim.landed[i] as number;
    const unit = (sim.groupOf[i] as number) >= 0;
    const scale = anchor ? 20 : group ? 50 : 1;
    nodes.push({
      id: eid(i),
      label: 'Enterprise',
      name: nm.name,
      nameEn: nm.nameEn,
      aliases: [nm.short],
      isAnchor: anchor,
      local: landed >= 0,
      kind: group ? 'group' : unit ? 'unit' : 'firm',
      unitType: unit ? rng.pick(UNIT_TYPES) : null,
      origin: city[1],
      signedOn: landed >= 0 ? monthIso(sim.signed[i] as number) : null,
      landedOn: landed >= 0 ? monthIso(landed) : null,
      revenueYuan: Math.round(Math.exp(rng.normal() + Math.log(5e7 * scale)) / 1e4) * 1e4,
      description: null,
      ...SYN,
    });
    rel('IN_SEGMENT', eid(i), s.id, null);
    if (unit) rel('PART_OF', eid(i), eid(sim.groupOf[i] as number), monthIso(sim.appear[i] as number));
    if (landed < 0) continue;
    const a = sim.attractedBy[i] as number;
    const park = a >= 0 && parkOf[a] && rng.next() < 0.6 ? (parkOf[a] as string) : rng.next() < 0.7 ? homePark(String(s.chainId)) : rng.pick(PARKS)[0];
    parkOf[i] = park;
    rel('LOCATED_IN', eid(i), park, monthIso(landed));
    if (a >= 0) rel('ATTRACTED', eid(a), eid(i), monthIso(landed));
    if (city[0] !== 'fuzhou' && rng.next() < 0.35) rel('RELOCATED_FROM', eid(i), `syn-city-${city[0]}`, monthIso(landed));
    if (anchor || rng.next() < 0.3) {
      const pid = `syn-p${String(i).padStart(width, '0')}`;
      const chain = String(s.chainId);
      nodes.push({
        id: pid,
        label: 'Project',
        name: `${nm.short}${String(s.name)}项目`,
        nameEn: `${nm.nameEn} project`,
        aliases: null,
        category: chain === 'chain-supply' || chain === 'chain-health' ? '平台仓山' : '智能仓山',
        signedOn: monthIso(sim.signed[i] as number),
        landedOn: monthIso(landed),
        amountYuan: Math.round(Math.exp(rng.normal() + Math.log(2e8 * (anchor ? 10 : 1))) / 1e4) * 1e4,
        local: true,
        description: null,
        ...SYN,
      });
      rel('HAS_PROJECT', eid(i), pid, monthIso(sim.signed[i] as number));
      rel('LOCATED_IN', pid, park, monthIso(landed));
    }
  }
  for (let k = 0; k < sim.ties; k++) {
    rel(sim.tieType[k] === TIE_SUPPLIES ? 'SUPPLIES' : 'PARTNER_OF', eid(sim.tieFrom[k] as number), eid(sim.tieTo[k] as number), monthIso(sim.tieSince[k] as number), {
      weight: sim.tieWeight[k] as number,
    });
  }
  return { nodes, relations };
}

export { MONTHS };
