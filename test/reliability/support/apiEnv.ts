/** Tokens of each role for the reliability tests' servers (API_TOKENS format, api/src/config.ts). */
export const TOKENS = {
  admin: 'reliability-admin-token',
  editor: 'reliability-editor-token',
  reader: 'reliability-reader-token',
} as const;

/**
 * The environment the reliability tests give the API: known tokens, and the rate limit off unless
 * a test turns it on (fuzzing and load runs send thousands of requests from one loopback address).
 */
export const REL_ENV: Record<string, string> = {
  API_TOKENS: `${TOKENS.admin}:admin,${TOKENS.editor}:editor,${TOKENS.reader}:reader`,
  RATE_LIMIT_PER_MINUTE: '0',
};
