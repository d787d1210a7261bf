import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { RegistryFirm } from '../firmRecord.ts';

/**
 * Ids of what a registry import creates, from identity alone, so that importing the same export
 * twice, or into another database, gives the same ids.
 */

const shortHash = (s: string, n = 10): string => createHash('sha256').update(s).digest('hex').slice(0, n);

/** A firm of the export: `uscc-<credit code, lower case>`, or `regno-<注册号>`. */
export function firmId(f: Pick<RegistryFirm, 'identity'>): string {
  return f.identity.kind === 'creditCode' ? `uscc-${f.identity.code.toLowerCase()}` : `regno-${f.identity.code}`;
}

/** A parent known only by a branch's name: `org-<hash of its normalised name>`. */
export function orgId(nameKey: string): string {
  return `org-${shortHash(nameKey)}`;
}

/** The export's Document: `registry-<hash of the file's bytes>` (of its firms when the bytes are unknown). */
export function documentId(sha256: string | null, fallback: string): string {
  return `registry-${sha256 ? sha256.slice(0, 16) : shortHash(fallback, 16)}`;
}

/** A district made from 所属区县: `district-cangshan` for 仓山区 (pinyin without its 区 / 县 / 市). */
export function districtIdFor(name: string): string {
  const stem = name.replace(/(?:区|县|市|自治县|旗)$/u, '') || name;
  const slug = pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return `district-${slug || shortHash(name, 8)}`;
}
