// How each column of the file was understood: header → field, how, note. A column the import did
// not recognise stays in the table, marked (sign and words, not only colour).
import { useT } from '../i18n/useT.ts';
import { isUnknownColumn } from './importPlan.ts';
import type { RegistryColumn, RegistryProblem } from './types.ts';

export function ColumnsTable({ columns, problems }: { columns: readonly RegistryColumn[]; problems: readonly RegistryProblem[] }) {
  const t = useT();
  const unknown = columns.filter((c) => isUnknownColumn(c, problems)).length;
  return (
    <section className="import-section" aria-labelledby="columns-title">
      <h3 id="columns-title">
        {t('impColumns')} <span className="muted">({columns.length})</span>
        {unknown > 0 && <span className="tag warn" data-testid="unknown-columns"> ⚠ {t('impUnknownColumns', { n: unknown })}</span>}
      </h3>
      <div className="table-wrap">
        <table className="data-table" data-testid="columns-table">
          <thead>
            <tr>
              <th scope="col">{t('impColHeader')}</th>
              <th scope="col">{t('impColField')}</th>
              <th scope="col">{t('impColHow')}</th>
              <th scope="col">{t('impColNote')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => {
              const isUnknown = isUnknownColumn(c, problems);
              return (
                <tr key={`${i}:${c.header}`} className={isUnknown ? 'row-warn' : ''} data-testid="column-row" data-header={c.header} data-field={c.field ?? ''} data-unknown={isUnknown}>
                  <th scope="row">{c.header}</th>
                  <td>{c.field ? <code>{c.field}</code> : <span className="muted">{t('impColExtra')}</span>}</td>
                  <td>
                    {isUnknown && <span className="tag warn">⚠ {t('impColUnknown')}</span>} {c.how}
                  </td>
                  <td>{c.note ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
