import { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Language } from './language';

/** The signed-in account, as `GET api/session` describes it. */
export interface Account {
  username: string;
  displayName: string;
  role: 'clerk' | 'handler' | 'court-admin' | 'command-centre-admin';
}

/** Announced by the API calls when the service answers 401: the session has ended. */
export const SESSION_ENDED = 'enforcement-link:session-ended';

const WORDS = {
  username: { zh: '用户名', en: 'User name' },
  password: { zh: '密码', en: 'Password' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出', en: 'Sign out' },
  refused: {
    zh: '用户名或密码不正确，或账户已停用。',
    en: 'The user name or password is wrong, or the account is disabled.',
  },
  unreachable: {
    zh: '服务暂时无法访问，请稍后再试。',
    en: 'The service cannot be reached; try again shortly.',
  },
  clerk: { zh: '立案书记员', en: 'Clerk' },
  handler: { zh: '执行承办人', en: 'Handler' },
  'court-admin': { zh: '法院管理员', en: 'Court admin' },
  'command-centre-admin': { zh: '指挥中心管理员', en: 'Command-centre admin' },
} as const;

export function roleName(role: Account['role'], language: Language): string {
  return WORDS[role][language];
}

/**
 * Shows the sign-in page until someone signs in, then `children` with the account; back to
 * the sign-in page when the session ends (signed out, expired, account disabled). The token
 * lives in an HTTP-only cookie the service sets, so pages, downloads and live updates send it.
 */
export function SessionGate(props: {
  language: Language;
  title: string;
  /** The language switch, shown on the sign-in page too. */
  languageSwitch: ComponentChildren;
  children: (account: Account, signOut: () => void) => ComponentChildren;
}) {
  const [account, setAccount] = useState<Account | null>();
  useEffect(() => {
    void fetch('api/session').then(async (response) =>
      setAccount(response.ok ? ((await response.json()) as Account) : null),
    );
    const ended = () => setAccount(null);
    addEventListener(SESSION_ENDED, ended);
    return () => removeEventListener(SESSION_ENDED, ended);
  }, []);

  if (account === undefined) return null;
  if (account === null) {
    return (
      <SignIn
        language={props.language}
        title={props.title}
        languageSwitch={props.languageSwitch}
        onSignedIn={setAccount}
      />
    );
  }
  const signOut = () =>
    void fetch('api/session/sign-out', { method: 'POST' }).finally(() => setAccount(null));
  return <>{props.children(account, signOut)}</>;
}

/** Who is signed in, in which role, and the way out; for a page's header. */
export function SignedIn(props: { account: Account; language: Language; signOut: () => void }) {
  return (
    <span class="signed-in" data-testid="signed-in">
      {props.account.displayName} · {roleName(props.account.role, props.language)}
      <button type="button" onClick={props.signOut} data-testid="sign-out">
        {WORDS.signOut[props.language]}
      </button>
    </span>
  );
}

function SignIn(props: {
  language: Language;
  title: string;
  languageSwitch: ComponentChildren;
  onSignedIn: (account: Account) => void;
}) {
  const { language } = props;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<'refused' | 'unreachable'>();
  const [sending, setSending] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    try {
      const response = await fetch('api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: username.trim(), password }),
      });
      if (response.ok) {
        props.onSignedIn(((await response.json()) as { account: Account }).account);
        return;
      }
      setProblem(response.status === 401 || response.status === 400 ? 'refused' : 'unreachable');
    } catch {
      setProblem('unreachable');
    } finally {
      setSending(false);
    }
  };

  return (
    <main class="sign-in">
      <header>
        <h1>{props.title}</h1>
        <nav class="status">{props.languageSwitch}</nav>
      </header>
      <form class="form" onSubmit={(event) => void submit(event)} data-testid="sign-in">
        <label class="field">
          <span>{WORDS.username[language]}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
            required
          />
        </label>
        <label class="field">
          <span>{WORDS.password[language]}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            required
          />
        </label>
        {problem && (
          <p class="error" role="alert" data-testid="sign-in-problem">
            {WORDS[problem][language]}
          </p>
        )}
        <button type="submit" class="primary" disabled={sending}>
          {WORDS.signIn[language]}
        </button>
      </form>
    </main>
  );
}
