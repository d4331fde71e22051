import { LanguageSwitch, useLanguage } from '@enforcement-link/web/language-switch';
import { useLiveVersion } from '@enforcement-link/web/live';
import { SessionGate, SignedIn } from '@enforcement-link/web/session';
import { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Court, get, Province } from './api';
import { CourtPage } from './court-page';
import { SharedContext } from './data';
import { formatTime, Language, word } from './i18n';
import { Overview } from './overview';
import { RequestPage } from './request-page';

type Route =
  { page: 'overview' } | { page: 'court'; code: string } | { page: 'request'; id: string };

function routeOf(hash: string): Route {
  const [, page, argument] = hash.replace(/^#/, '').split('/');
  if (page === 'court' && argument) return { page: 'court', code: argument };
  if (page === 'request' && argument) return { page: 'request', id: argument };
  return { page: 'overview' };
}

export function App() {
  const [language, switchLanguage] = useLanguage();
  useEffect(() => {
    document.title = `${word(language, 'title')} · enforcement-link`;
  }, [language]);
  const languageSwitch = <LanguageSwitch language={language} onSwitch={switchLanguage} />;
  return (
    <SessionGate
      language={language}
      title={word(language, 'title')}
      languageSwitch={languageSwitch}
    >
      {(account, signOut) => (
        <Dashboard language={language} languageSwitch={languageSwitch}>
          <SignedIn account={account} language={language} signOut={signOut} />
        </Dashboard>
      )}
    </SessionGate>
  );
}

/** The command centres' view of the network, once signed in. */
function Dashboard(props: {
  language: Language;
  languageSwitch: ComponentChildren;
  /** Who is signed in, shown in the header. */
  children: ComponentChildren;
}) {
  const { language } = props;
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  const [network, setNetwork] = useState<{ courts: Court[]; provinces: Province[] }>();
  const live = useLiveVersion('projection');

  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    void get<{ courts: Court[]; provinces: Province[] }>('courts').then(setNetwork);
  }, []);

  return (
    <SharedContext.Provider
      value={{
        language,
        courts: new Map((network?.courts ?? []).map((court) => [court.code, court])),
        provinces: network?.provinces ?? [],
        version: live.version,
      }}
    >
      <header>
        <div>
          <h1>
            <a href="#/">{word(language, 'title')}</a>
          </h1>
          <p class="subtitle">{word(language, 'subtitle')}</p>
        </div>
        <div class="status">
          <span class={live.connected ? 'live' : 'live offline'} data-testid="live-status">
            {word(language, live.connected ? 'live' : 'offline')}
          </span>
          <span>
            {word(language, 'updatedAt')} {formatTime(live.updatedAt, language)}
          </span>
          {props.children}
          {props.languageSwitch}
        </div>
      </header>
      <main>
        {!network ? (
          <p>{word(language, 'loading')}</p>
        ) : route.page === 'court' ? (
          <CourtPage code={route.code} />
        ) : route.page === 'request' ? (
          <RequestPage id={route.id} />
        ) : (
          <Overview />
        )}
      </main>
    </SharedContext.Provider>
  );
}
