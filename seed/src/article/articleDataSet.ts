import type { DataSet } from '@cangshan/model';
import { enterprises } from './enterprises.ts';
import { indicators } from './indicators.ts';
import { mechanisms } from './mechanisms.ts';
import { document, places } from './places.ts';
import { projects } from './projects.ts';
import { articleRelations } from './relations.ts';

/** The article's own data set: what it names, with quotes, and the few curated ties (no chains). */
export function articleOnlyDataSet(): DataSet {
  return {
    nodes: [document, ...places, ...enterprises, ...projects, ...mechanisms, ...indicators],
    relations: [...articleRelations],
  };
}
