// The registry pages' sign-in: the app's own form (auth/SignIn.tsx), saying that writing needs an
// editor's or an admin's token. Shown when no token is held, or the server refused the one held
// (UNAUTHENTICATED, or FORBIDDEN for a reader's token); signing in asks again.
import { SignIn } from '../auth/SignIn.tsx';
import { useT } from '../i18n/useT.ts';

export function EditorSignIn({ message = '' }: { message?: string }) {
  const t = useT();
  return (
    <div className="registry-sign-in">
      <SignIn message={message} hint={t('editorSignInHint')} />
    </div>
  );
}
