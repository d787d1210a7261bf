import DataLoader from 'dataloader';
import type { Row } from '@cangshan/neo4j';
import { buildRelatedQuery, type RelatedName, type RelatedOptions } from '../cypher/relatedQuery.ts';
import type { Reader } from './reader.ts';

/**
 * The per-request batch loaders (DataLoader): every nested field of a level is answered by one
 * Cypher per field kind, whatever the number of parents (no N+1). Created per request
 * so nothing cached outlives it.
 */
export class Loaders {
  private readonly related = new Map<string, DataLoader<string, Row[]>>();
  private documentLoader: DataLoader<string, Row | null> | null = null;
  private readonly keyedLoaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly read: Reader) {}

  /**
   * Neighbours of one kind (see RELATED), filtered as of `asOf` and by `local` where the kind
   * allows it, at most `first` per parent when given, firms with the properties `props` (all when
   * omitted). The property set is part of the key: two selections reading different properties
   * never share a cached row that lacks what one of them needs. The parents of one level share
   * one selection, so they still batch into one Cypher.
   */
  neighbours(name: RelatedName, opts: RelatedOptions = {}): DataLoader<string, Row[]> {
    const key = `${name}|${opts.asOf ?? ''}|${opts.local ?? ''}|${opts.first ?? ''}|${opts.props ? opts.props.join(',') : '*'}`;
    let loader = this.related.get(key);
    if (!loader) {
      loader = new DataLoader<string, Row[]>(
        async (ids) => {
          const q = buildRelatedQuery(name, ids, opts);
          const rows = await this.read(q.cypher, q.params);
          const byId = new Map(rows.map((r) => [r.id as string, r.items as Row[]]));
          return ids.map((id) => byId.get(id) ?? []);
        },
        { maxBatchSize: 5000 },
      );
      this.related.set(key, loader);
    }
    return loader;
  }

  /**
   * A batch loader whose statement a capability builds (context/ knows no capability): one per
   * `key` per request, so the parents of a level that ask the same field with the same arguments
   * and selection (the key says all of them) share one `batch` call, one Cypher. `batch` answers
   * the ids in their order. A key names one value type: a capability prefixes its keys.
   */
  keyed<V>(key: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.keyedLoaders.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 5000 });
      this.keyedLoaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** Source documents by id. */
  get documents(): DataLoader<string, Row | null> {
    this.documentLoader ??= new DataLoader<string, Row | null>(async (ids) => {
      const rows = await this.read('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN id, d {.*} AS doc', { ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.id as string, r.doc as Row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return this.documentLoader;
  }
}
