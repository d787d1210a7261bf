import { REL_ENDS, RELATIONS, WRITABLE_REL_TYPES, type RelType } from '@cangshan/model';
import type { Tx } from '@cangshan/neo4j';
import { enterpriseDerivedProps } from '@cangshan/seed';
import type { Context } from '../../context/index.ts';
import { badInput, notFound } from '../../errors/index.ts';
import { requireRole } from './requireRole.ts';
import { audited, type OnConflict } from './audited.ts';
import {
  CREATE_ENTERPRISE,
  DELETE_ENTERPRISE,
  deleteRelationCypher,
  ENTITY_LABELS,
  mergeRelationCypher,
  READ_ENTERPRISE_FOR_UPDATE,
  UPDATE_ENTERPRISE,
} from './writeCypher.ts';
import type { sourceSchema } from './writeInputs.ts';
import { enterpriseInputSchema, enterprisePatchSchema, parseInput, relationInputSchema } from './writeInputs.ts';
import type { z } from 'zod';
import { importDataSetResolver } from './importDataSetResolver.ts';
import { followLanding, systemActor } from '../pipeline/followLanding.ts';

type Source = z.infer<typeof sourceSchema>;

/** The relation type a mutation names, checked against the model's writable relations. */
function writableRelType(type: string, argument: string): RelType {
  const t = WRITABLE_REL_TYPES.find((w) => w === type);
  if (!t) throw badInput(argument, `\`${argument}\` must be one of ${WRITABLE_REL_TYPES.join(', ')}.`);
  return t;
}

function provenance(s: Source): Record<string, unknown> {
  return { sourceKind: s.kind, quotes: s.quotes ?? [], reason: s.reason ?? null, docId: s.docId ?? null, synthetic: false };
}

/** Drops undefined (not given) and keeps null (clear) so `SET e += $props` changes only what was sent. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A taken id, as the id constraint reports it. */
const ID_TAKEN: OnConflict = { message: 'An entity with this id already exists. Choose another id, or use updateEnterprise.', argument: 'input.id' };

/** Every write of this file: the write and its Change record in one transaction (audited.ts). */
const audit = <T>(ctx: Context, action: string, detail: unknown, work: (tx: Tx) => Promise<T>): Promise<T> => audited(ctx, action, detail, work, ID_TAKEN);

export const mutationResolvers = {
  Mutation: {
    createEnterprise: async (_: unknown, args: { input: unknown }, ctx: Context) => {
      requireRole(ctx, 'editor', 'createEnterprise');
      const input = parseInput(enterpriseInputSchema, args.input, 'input');
      const { source, parkId, segmentId, id, ...fields } = input;
      const props = defined({
        id,
        ...fields,
        aliases: fields.aliases ?? [],
        isAnchor: fields.isAnchor ?? false,
        local: fields.local ?? true,
        ...provenance(source),
        ...enterpriseDerivedProps({ name: fields.name, nameEn: fields.nameEn, aliases: fields.aliases }),
      });
      return audit(ctx, 'createEnterprise', input, async (tx) => {
        const [row] = await tx.run(CREATE_ENTERPRISE, { props, parkId: parkId ?? null, segmentId: segmentId ?? null });
        if (parkId && !row?.parkFound) throw notFound('input.parkId', `No place has id ${JSON.stringify(parkId)}; nothing was written.`);
        if (segmentId && !row?.segmentFound) throw notFound('input.segmentId', `No segment has id ${JSON.stringify(segmentId)}; nothing was written.`);
        return row?.e;
      });
    },
    updateEnterprise: async (_: unknown, args: { id: string; input: unknown }, ctx: Context) => {
      requireRole(ctx, 'editor', 'updateEnterprise');
      const patch = parseInput(enterprisePatchSchema, args.input, 'input');
      if (patch.name === null) throw badInput('input.name', '`input.name` cannot be cleared; every enterprise has a name.');
      const { source, ...fields } = patch;
      return audit(ctx, 'updateEnterprise', { id: args.id, ...patch }, async (tx) => {
        const [current] = await tx.run(READ_ENTERPRISE_FOR_UPDATE, { id: args.id });
        if (!current) throw notFound('id', `No enterprise has id ${JSON.stringify(args.id)}.`);
        const props: Record<string, unknown> = defined({ ...fields, ...(source ? provenance(source) : {}) });
        if (fields.name !== undefined || fields.nameEn !== undefined || fields.aliases !== undefined) {
          const name = fields.name ?? (current.name as string);
          const nameEn = fields.nameEn !== undefined ? fields.nameEn : (current.nameEn as string | null);
          const aliases = fields.aliases !== undefined ? (fields.aliases ?? []) : ((current.aliases as string[] | null) ?? []);
          // Former names are the registry's (not an input field here); they stay searchable.
          Object.assign(props, enterpriseDerivedProps({ name, nameEn, aliases, formerNames: current.formerNames as string[] | null }));
        }
        const [row] = await tx.run(UPDATE_ENTERPRISE, { id: args.id, props });
        // A landing given here moves the firm's pipeline entry to LANDED in the same transaction.
        await followLanding(tx, systemActor('updateEnterprise', ctx.auth.actor));
        return row?.e;
      });
    },
    deleteEnterprise: async (_: unknown, args: { id: string }, ctx: Context) => {
      requireRole(ctx, 'editor', 'deleteEnterprise');
      return audit(ctx, 'deleteEnterprise', { id: args.id }, async (tx) => {
        const [row] = await tx.run(DELETE_ENTERPRISE, { id: args.id });
        if (!row || row.deleted === 0) throw notFound('id', `No enterprise has id ${JSON.stringify(args.id)}.`);
        return args.id;
      });
    },
    createRelation: async (_: unknown, args: { input: unknown }, ctx: Context) => {
      requireRole(ctx, 'editor', 'createRelation');
      const input = parseInput(relationInputSchema, args.input, 'input');
      const type = writableRelType(input.type, 'input.type');
      const ends: { from: readonly string[]; to: readonly string[] } = REL_ENDS[type];
      return audit(ctx, 'createRelation', input, async (tx) => {
        const [labels] = await tx.run(ENTITY_LABELS, { fromId: input.fromId, toId: input.toId });
        if (!labels?.fromLabel) throw notFound('input.fromId', `No entity has id ${JSON.stringify(input.fromId)}.`);
        if (!labels.toLabel) throw notFound('input.toId', `No entity has id ${JSON.stringify(input.toId)}.`);
        if (!ends.from.includes(labels.fromLabel as string) || !ends.to.includes(labels.toLabel as string)) {
          throw badInput('input.type', `${input.type} goes from ${ends.from.join('|')} to ${ends.to.join('|')}, not from ${String(labels.fromLabel)} to ${String(labels.toLabel)}.`);
        }
        const props = { since: input.since ?? null, ...provenance(input.source) };
        const [row] = await tx.run(mergeRelationCypher(input.type), { fromId: input.fromId, toId: input.toId, props });
        const e = row?.edge as Record<string, unknown>;
        return { ...e, id: `${input.type}:${input.fromId}->${input.toId}`, label: RELATIONS[type].label };
      });
    },
    deleteRelation: async (_: unknown, args: { type: string; fromId: string; toId: string }, ctx: Context) => {
      requireRole(ctx, 'editor', 'deleteRelation');
      writableRelType(args.type, 'type');
      return audit(ctx, 'deleteRelation', args, async (tx) => {
        const [row] = await tx.run(deleteRelationCypher(args.type), { fromId: args.fromId, toId: args.toId });
        return ((row?.deleted as number | undefined) ?? 0) > 0;
      });
    },
    importDataSet: importDataSetResolver,
  },
};
