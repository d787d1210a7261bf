import type { Db, Row } from '@cangshan/neo4j';
import { classifyGap, GAP_RULE } from './gapStatus.ts';
import type { SegmentTimeline } from './segmentTimeline.ts';
import { buildSegmentTimeline, TIMELINE_MAX_FIRMS, type BuildProgress } from './segmentTimelineBuild.ts';
import type { ReadFn } from './recruitmentService.ts';
import type { CandidateLists } from './candidateLists.ts';
import { buildCandidateLists } from './candidateListsBuild.ts';
import { AnchorBall } from './anchorBall.ts';

/** Anchors' neighbourhoods kept at once (least recently used out). */
const BALLS_KEPT = 16;

/**
 * The rows the live chainGaps statement (buildChainGapsQuery.ts, district scope) returns, read off
 * the timeline instead: the same fields, the same order, the status from the same rule.
 */
/** A segment's figures as the statements return them (`figs`, buildScope.ts), with the status of the one rule. */
function figsAt(t: SegmentTimeline, segmentId: string, asOf: string, all: { supplyTies: number; outsideTies: number }) {
  const f = t.figuresAt(segmentId, asOf);
  const { status } = classifyGap({ localCount: f.n, supplyTies: f.supplyTies, outsideTies: f.outsideTies, allSupplyTies: all.supplyTies, allOutsideTies: all.outsideTies });
  return { ...f, allSupplyTies: all.supplyTies, allOutsideTies: all.outsideTies, status };
}

export function timelineGapRows(t: SegmentTimeline, args: { asOf: string; chainId: string | null; firmsPerSegment: number }): Row[] {
  if (args.firmsPerSegment > TIMELINE_MAX_FIRMS) throw new RangeError(`firmsPerSegment ${args.firmsPerSegment} is above what the timeline keeps (${TIMELINE_MAX_FIRMS})`);
  const all = t.totalsAt(args.asOf);
  const rows: Row[] = [];
  for (const m of t.meta) {
    if (args.chainId !== null && m.segment.chainId !== args.chainId) continue;
    const figs = figsAt(t, m.segment.id, args.asOf, all);
    const { status } = figs;
    const firms = t.firmsAt(m.segment.id, args.asOf, Math.max(args.firmsPerSegment, GAP_RULE.strongMin));
    rows.push({
      chain: m.chain,
      segment: m.segment,
      figs,
      firms: firms.slice(0, args.firmsPerSegment).map((x) => x.firm),
      firstLandedOn: firms[0]?.landedOn ?? null,
      strongSince: status === 'STRONG' ? (firms[GAP_RULE.strongMin - 1]?.landedOn ?? null) : null,
    });
  }
  return rows;
}

/**
 * What the ranking statement's segment part binds (buildScope.ts, `segmentsCypher(scope, true)`):
 * every segment in view with its figures and status, read off the timeline — the ranking passes
 * them as parameters instead of walking the district's supply ties (buildTargetsQuery.ts).
 */
export function timelineSegFigs(t: SegmentTimeline, asOf: string, chainId: string | null): { ids: string[]; figs: Record<string, unknown>[] } {
  const all = t.totalsAt(asOf);
  const ids: string[] = [];
  const figs: Record<string, unknown>[] = [];
  for (const s of t.allSegments) {
    if (chainId !== null && s.chainId !== chainId) continue;
    ids.push(s.id);
    figs.push(figsAt(t, s.id, asOf, all));
  }
  return { ids, figs };
}

export interface SegmentTimelinesOptions {
  /** The database's state (Db.dataVersion through the breaker); a timeline serves only its own version. */
  version: () => Promise<string>;
  /** Reads for the walk: no request deadline (it runs in the background). */
  read: ReadFn;
  /** A live chainGaps of the district slower than this (ms) starts a walk; 0 = after the first. */
  minLiveMs: number;
  /**
   * While chainGaps of the district was asked for in the last `hotMs` (default 10 minutes), look at
   * the version this often (ms); once it has moved past the timeline's and held still for one more
   * look (a burst of writes is over), walk again without waiting for a slow request. 0 = never.
   */
  refreshMs?: number;
  hotMs?: number;
  /** Also read the candidate lists of the ranking after each timeline (default true). */
  candidateLists?: boolean;
  /** Candidates kept per month end and scope (default LIST_KEEP; tests make it small). */
  listKeep?: number;
  say?: (line: string) => void;
}

/**
 * The server's segment timeline, one data version at a time. A request asks `current()`: the
 * timeline if it was built at the database's present version, else null — and the request runs
 * the live statement, exactly as without a timeline. A live run slower than `minLiveMs` starts a
 * walk in the background (one at a time); the walk is kept only if no write landed while it ran
 * (the version before and after are equal), and a later write makes it unused until the next
 * walk, started by the next slow live run or, while the gaps are in demand, once the write has
 * settled (`refreshMs`). Nothing stale is ever served.
 */
export class SegmentTimelines {
  private timeline: SegmentTimeline | null = null;
  private building: Promise<void> | null = null;
  private closed = false;
  private usedAt = 0;
  private lastLook: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Walks started, kept, and dropped because the data changed under them or a read failed (tests, logs). */
  readonly counts = { started: 0, kept: 0, dropped: 0 };
  /** Rankings answered from the candidate lists, and those whose check sent them to the walk. */
  readonly listCounts = { served: 0, walked: 0 };
  private lists: CandidateLists | null = null;
  /** Anchors' neighbourhoods read at the timeline's version (anchorBall.ts), by anchor id, read or being read. */
  private balls = new Map<string, Promise<AnchorBall | null>>();
  private ballsVersion: string | null = null;
  /** Anchor rankings answered from a neighbourhood read once (tests, logs). */
  readonly ballCounts = { read: 0, served: 0 };

  constructor(private readonly opts: SegmentTimelinesOptions) {}

  /**
   * The anchor's neighbourhood at the timeline's version: read on the first request for the anchor
   * since the data last changed (the requests meanwhile share the read), kept for the next ones.
   * Null when the data changed while it was read, or the read failed: the ranking walks then.
   */
  async ballFor(t: SegmentTimeline, anchorId: string): Promise<AnchorBall | null> {
    if (this.ballsVersion !== t.version) {
      this.balls = new Map();
      this.ballsVersion = t.version;
    }
    let p = this.balls.get(anchorId);
    if (p === undefined) {
      const balls = this.balls;
      p = (async () => {
        try {
          const ball = await AnchorBall.read(this.opts.read, anchorId, t.version);
          if ((await this.opts.version()) !== t.version) return null;
          this.ballCounts.read += 1;
          const { nodes, ties } = ball.size;
          this.opts.say?.(`[api] circle of ${anchorId}: ${nodes.toLocaleString('en-US')} firms, ${ties.toLocaleString('en-US')} tie ends read in ${(ball.builtMs / 1000).toFixed(1)} s; its ranking starts from them`);
          return ball;
        } catch {
          return null;
        }
      })();
      p.then((b) => {
        if (b === null) balls.delete(anchorId);
      }, () => balls.delete(anchorId));
    }
    // Least recently used out.
    this.balls.delete(anchorId);
    this.balls.set(anchorId, p);
    while (this.balls.size > BALLS_KEPT) this.balls.delete(this.balls.keys().next().value as string);
    const ball = await p;
    return ball !== null && ball.version === t.version && (await this.opts.version()) === t.version ? ball : null;
  }

  /** The timeline of the database's present version, or null. */
  async current(): Promise<SegmentTimeline | null> {
    this.usedAt = Date.now();
    this.schedule();
    const t = this.timeline;
    if (t === null) return null;
    try {
      return (await this.opts.version()) === t.version ? t : null;
    } catch {
      return null;
    }
  }

  /** The ranking's candidate lists read at the timeline's version, if any (candidateLists.ts). */
  listsFor(t: SegmentTimeline): CandidateLists | null {
    return this.lists !== null && this.lists.version === t.version ? this.lists : null;
  }

  /** A live chainGaps of the district took `ms`: worth a walk if slow enough and none is running. */
  liveTook(ms: number): void {
    if (ms >= this.opts.minLiveMs) void this.build();
  }

  /** Walks now (or joins the walk under way); resolves when it has ended, kept or not. */
  build(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.building ??= this.walk().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /** No walk from now on; one under way stops after its present batch (resolves then). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.building;
  }

  /** One look at the version every `refreshMs` while the district's gaps are in demand. */
  private schedule(): void {
    const every = this.opts.refreshMs ?? 0;
    if (every <= 0 || this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.look().finally(() => {
        if (Date.now() - this.usedAt <= (this.opts.hotMs ?? 600_000)) this.schedule();
      });
    }, every);
    this.timer.unref();
  }

  private async look(): Promise<void> {
    if (this.building || this.closed || this.timeline === null) return;
    let version: string;
    try {
      version = await this.opts.version();
    } catch {
      return;
    }
    const settled = version === this.lastLook;
    this.lastLook = version;
    if (settled && version !== this.timeline.version) await this.build();
  }

  private async walk(): Promise<void> {
    this.counts.started += 1;
    const say = this.opts.say ?? (() => undefined);
    try {
      const before = await this.opts.version();
      if (this.timeline?.version === before) return;
      // One line every 10 s at most, for either walk.
      let lastSaid = performance.now();
      const progress =
        (what: string, ends: string) =>
        (p: BuildProgress): void => {
          if (performance.now() - lastSaid < 10_000) return;
          lastSaid = performance.now();
          say(`[api] ${what}: ${p.firms.toLocaleString('en-US')} firms, ${p.ties.toLocaleString('en-US')} ${ends} read (${(p.ms / 1000).toFixed(0)} s)`);
        };
      const t = await buildSegmentTimeline(this.opts.read, before, progress('segment timeline', 'supply-tie ends'), () => this.closed);
      if (t === null) return;
      const after = await this.opts.version();
      if (after !== before || this.closed) {
        this.counts.dropped += 1;
        say('[api] segment timeline: the data changed while it was read; chainGaps stays live until the next walk');
        return;
      }
      this.timeline = t;
      this.counts.kept += 1;
      say(
        `[api] segment timeline: ${t.size.firms.toLocaleString('en-US')} firms, ${t.size.ties.toLocaleString('en-US')} supply-tie ends in ${(t.size.builtMs / 1000).toFixed(1)} s; chainGaps of the district now reads it`,
      );
      if (this.opts.candidateLists === false) return;
      const t1 = performance.now();
      const lists = await buildCandidateLists(this.opts.read, before, {
        keep: this.opts.listKeep,
        onProgress: progress('candidate lists', 'tie ends'),
        stopped: () => this.closed,
      });
      if (lists === null) return;
      if ((await this.opts.version()) !== before || this.closed) {
        say('[api] candidate lists: the data changed while they were read; the ranking walks until the next walk');
        return;
      }
      this.lists = lists;
      say(
        `[api] candidate lists: ${lists.size.tieEnds.toLocaleString('en-US')} tie ends, ${lists.lastMonth - lists.firstMonth + 1} month ends, ${lists.kept.toLocaleString('en-US')} ids kept in ${((performance.now() - t1) / 1000).toFixed(1)} s; the ranking of the district starts from them`,
      );
    } catch (err) {
      this.counts.dropped += 1;
      say(`[api] segment timeline: walk failed (${err instanceof Error ? err.message : String(err)}); chainGaps stays live`);
    }
  }
}

const byDb = new WeakMap<Db, SegmentTimelines>();

/** The server's timeline store for this database connection (startServer attaches it; a resolver finds it here). */
export function timelinesOf(db: Db): SegmentTimelines | undefined {
  return byDb.get(db);
}

export function attachTimelines(db: Db, t: SegmentTimelines): void {
  byDb.set(db, t);
}

export function detachTimelines(db: Db, t: SegmentTimelines): void {
  if (byDb.get(db) === t) byDb.delete(db);
}
