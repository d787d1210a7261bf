// A firm's business-registry fields, when a registry export gave them: its codes, status, founding
// date, capital as written (never converted), former names, and when and how it left the district.
// Nothing is shown for a firm no registry export wrote.
import type { ReactNode } from 'react';
import type { Enterprise } from '../data/types.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/useT.ts';

type Money = NonNullable<Enterprise['registeredCapital']>;

/** The amount as the registry wrote it; the parsed amount and currency in its tooltip. */
function money(m: Money): ReactNode {
  return <span title={`${m.amount.toLocaleString('en')} ${m.currency}`}>{m.text}</span>;
}

export function RegistryFacts({ e }: { e: Enterprise }) {
  const t = useT();
  const rows: Array<[StringKey, ReactNode, string]> = [];
  const add = (key: StringKey, value: ReactNode, testId: string) => {
    if (value !== null && value !== undefined && value !== '') rows.push([key, value, testId]);
  };
  if (e.leftOn) add('leftOn', `${e.leftOn}${e.leftHow ? ` · ${t(`leftHow${e.leftHow}`)}` : ''}`, 'profile-left-on');
  add('creditCode', e.creditCode, 'profile-credit-code');
  add('registrationNumber', e.registrationNumber, 'profile-registration-number');
  // The status in the UI's words, and as the export wrote it when that says more (存续（在营、开业、在册）).
  const status = e.status ? t(`status${e.status}`) : null;
  add('firmStatus', status && e.statusText && e.statusText !== status ? `${status} (${e.statusText})` : (status ?? e.statusText), 'profile-status');
  add('foundedOn', e.foundedOn, 'profile-founded');
  add('registeredCapital', e.registeredCapital ? money(e.registeredCapital) : null, 'profile-registered-capital');
  add('paidInCapital', e.paidInCapital ? money(e.paidInCapital) : null, 'profile-paid-in-capital');
  add('formerNames', e.formerNames.join('、'), 'profile-former-names');
  add('legalRepresentative', e.legalRepresentative, 'profile-legal-representative');
  add('companyType', e.companyType, 'profile-company-type');
  add('industry', e.industry, 'profile-industry');
  add('insuredStaff', e.insuredStaff, 'profile-insured-staff');
  add('address', e.address, 'profile-address');
  if (rows.length === 0) return null;
  return (
    <section data-testid="profile-registry">
      <h3>{t('registrySection')}</h3>
      <dl className="facts">
        {rows.map(([key, value, testId]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{t(key)}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
