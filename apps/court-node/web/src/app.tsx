import { get } from '@enforcement-link/web/http';
import { Language } from '@enforcement-link/web/language';
import { LanguageSwitch, useLanguage } from '@enforcement-link/web/language-switch';
import { useLiveVersion } from '@enforcement-link/web/live';
import { Account, SessionGate, SignedIn } from '@enforcement-link/web/session';
import { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { RequestForm } from './request-form';
import { RequestList } from './request-list';
import { RequestPage } from './request-page';
import { Court, SharedContext } from './shared';
import { word } from './words';

type Side = 'outgoing' | 'incoming';
type Route =
  | { page: 'list'; side: Side }
  | { page: 'request'; side: Side; kind: string; id: string }
  | { page: 'new'; kind: 'delegation' | 'asset-search' };

function routeOf(hash: string, defaultSide: Side = 'outgoing'): Route {
  const [, first, second, third] = hash.replace(/^#/, '').split('/');
  if (first === 'new' && (second === 'delegation' || second === 'asset-search')) {
    return { page: 'new', kind: second };
  }
  const side = first === 'incoming' || first === 'outgoing' ? first : defaultSide;
  if (second && third) return { page: 'request', side, kind: second, id: third };
  return { page: 'list', side };
}

/** The court's workbench, behind its sign-in page. */
export function App() {
  const [language, switchLanguage] = useLanguage();
  const languageSwitch = <LanguageSwitch language={language} onSwitch={switchLanguage} />;
  return (
    <SessionGate
      language={language}
      title={word(language, 'title')}
      languageSwitch={languageSwitch}
    >
      {(account, signOut) => (
        <Workbench
          language={language}
          languageSwitch={languageSwitch}
          sides={SIDES_OF_ROLE[account.role]}
        >
          <SignedIn account={account} language={language} signOut={signOut} />
        </Workbench>
      )}
    </SessionGate>
  );
}

/** Clerks follow what the court sent, handlers work what it received; court admins do both. */
const SIDES_OF_ROLE: Record<Account['role'], Side[]> = {
  clerk: ['outgoing'],
  handler: ['incoming'],
  'court-admin': ['outgoing', 'incoming'],
  'command-centre-admin': [],
};

/** Clerks' outgoing requests and handlers' incoming tasks, as far as the role allows. */
function Workbench(props: {
  language: Language;
  languageSwitch: ComponentChildren;
  sides: Side[];
  /** Who is signed in, shown in the header. */
  children: ComponentChildren;
}) {
  const { language, sides } = props;
  const [route, setRoute] = useState<Route>(routeOf(location.hash, sides[0]));
  const [network, setNetwork] = useState<{ court: Court; courts: Court[] }>();
  const live = useLiveVersion('request');

  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash, sides[0]));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [sides]);
  useEffect(() => {
    void Promise.all([get<Court>('courts/this'), get<Court[]>('courts')]).then(([court, courts]) =>
      setNetwork({ court, courts }),
    );
  }, []);
  useEffect(() => {
    document.title = `${word(language, 'title')} · ${network?.court.name[language] ?? ''}`;
  }, [language, network]);

  if (!network) return <p>{word(language, 'loading')}</p>;
  const tab = route.page === 'list' || route.page === 'request' ? route.side : 'outgoing';

  return (
    <SharedContext.Provider value={{ language, ...network, version: live.version }}>
      <header>
        <div>
          <h1 data-testid="court-name">{network.court.name[language]}</h1>
          <p class="subtitle">{word(language, 'title')}</p>
        </div>
        <nav class="status">
          {sides.map((side) => (
            <a
              key={side}
              href={`#/${side}`}
              class={tab === side ? 'tab active' : 'tab'}
              data-testid={`tab-${side}`}
            >
              {word(language, side)}
            </a>
          ))}
          <span class={live.connected ? 'live' : 'live offline'}>
            {word(language, live.connected ? 'live' : 'offline')}
          </span>
          {props.children}
          {props.languageSwitch}
        </nav>
      </header>
      <main>
        {route.page === 'new' ? (
          <RequestForm kind={route.kind} />
        ) : route.page === 'request' ? (
          <RequestPage side={route.side} kind={route.kind} id={route.id} />
        ) : (
          <RequestList side={route.side} />
        )}
      </main>
    </SharedContext.Provider>
  );
}
