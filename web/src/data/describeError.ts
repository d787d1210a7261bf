// A failed request in the chosen language: the API's stable error code (api/src/errors/codes.ts,
// sent in `extensions.code`) picks the sentence, and the server's own message follows as the detail
// (it names the argument or limit, in English). Branching on the code, never on the message text,
// is the API's contract.
import type { Lang } from '../state/viewState.ts';
import { translate, type StringKey } from '../i18n/strings.ts';
import type { GraphqlRequestError } from './graphqlClient.ts';

/** Every code the API sends, and its sentence. A code the web does not know yet reads as apiError + detail. */
export const ERROR_CODE_KEYS: Readonly<Record<string, StringKey>> = {
  BAD_USER_INPUT: 'errBadUserInput',
  BAD_REQUEST: 'errBadRequest',
  NOT_FOUND: 'errNotFound',
  LIMIT_EXCEEDED: 'errLimitExceeded',
  UNAUTHENTICATED: 'errUnauthenticated',
  FORBIDDEN: 'errForbidden',
  CONFLICT: 'errConflict',
  DATABASE_UNAVAILABLE: 'errDatabaseUnavailable',
  RATE_LIMITED: 'errRateLimited',
  SERVER_BUSY: 'errServerBusy',
  INTERNAL: 'errInternal',
};

export type RequestFailure = Pick<GraphqlRequestError, 'kind' | 'code' | 'message'>;

/**
 * The sentence for a failed request: by its code when the API gave one, with the server's message
 * as the detail; "cannot reach the API" when it never answered; else apiError and the message.
 */
export function describeError(lang: Lang, err: RequestFailure): string {
  const key = err.code !== null ? ERROR_CODE_KEYS[err.code] : undefined;
  const detail = err.message.trim();
  // Joined here rather than through a {detail} placeholder: the server's text is not a template.
  if (key) return detail ? `${translate(lang, key)}${translate(lang, 'errDetailSep')}${detail}` : translate(lang, key);
  if (err.kind === 'network') return translate(lang, 'errUnreachable');
  return `${translate(lang, 'apiError')}${detail}`;
}
