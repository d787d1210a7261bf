// Shown where the graph would be when the API wants a token (reads need one on this server, or the
// session's token was refused): a field for the token, kept for the session (token.ts). Keeping
// it makes every query ask again (useGql), so signing in is also the retry.
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT.ts';
import { getToken, setToken } from './token.ts';

/** `hint`: what the token is for, when it is not the reads (the registry pages need an editor's token). */
export function SignIn({ message, hint }: { message: string; hint?: string }) {
  const t = useT();
  const [value, setValue] = useState('');
  const titleId = useId();
  const refused = getToken() !== null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) setToken(value);
  };
  return (
    // Laid out here rather than in styles.css: the one form of its kind, over the `.status` box.
    // The form is named by its title; the message is what is announced (a form may not be an alert).
    <form className="status sign-in" aria-labelledby={titleId} onSubmit={submit} data-testid="sign-in" style={{ flexDirection: 'column', alignItems: 'stretch', width: 380, maxWidth: '90vw' }}>
      <strong id={titleId}>{t('signInTitle')}</strong>
      <p role="alert" style={{ margin: 0 }} data-testid="sign-in-message">{refused ? `${t('tokenRefused')}${message}` : (hint ?? t('signInHint'))}</p>
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {t('tokenLabel')}
        <input type="password" autoComplete="off" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} data-testid="sign-in-token" autoFocus />
      </label>
      <button type="submit" disabled={!value.trim()} data-testid="sign-in-submit">
        {t('signIn')}
      </button>
    </form>
  );
}
