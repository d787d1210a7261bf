import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

/** One Cypher statement as it went to the database, parameters as the driver took them. */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * A driver that records every statement the Neo4j GraphQL Library runs through it, for the length
 * of `capture`. The library runs a request as `driver.session().executeRead(tx => tx.run(…))`
 * (its Executor); the wrapper hands it the real session and the real transaction, with `run`
 * recording first, so what is recorded is exactly what the library sent — no re-translation from
 * its debug log. Outside a capture the calls pass straight through (the timed rounds use the bare
 * driver anyway).
 */
export function capturingDriver(driver: Driver): { driver: Driver; capture: (work: () => Promise<unknown>) => Promise<Statement[]> } {
  let trace: Statement[] | null = null;
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'run') {
          return (cypher: string, params?: Record<string, unknown>) => {
            trace?.push({ cypher, params: params ?? {} });
            return target.run(cypher, params);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          const real = target[prop].bind(target);
          return <T>(work: (tx: ManagedTransaction) => Promise<T> | T, config?: Parameters<Session['executeRead']>[1]) =>
            real((tx: ManagedTransaction) => work(wrapTx(tx)), config);
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  const wrapped = new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') return (config?: Parameters<Driver['session']>[0]) => wrapSession(target.session(config));
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return {
    driver: wrapped,
    async capture(work) {
      trace = [];
      try {
        await work();
        return trace;
      } finally {
        trace = null;
      }
    },
  };
}
