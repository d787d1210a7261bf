import { useSyncExternalStore } from 'react';
import { getToken, subscribeToken } from './token.ts';

/** The session's token (null when signed out); a component using it renders again on sign-in and sign-out. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, getToken);
}
