import { get } from '@enforcement-link/web/http';
import { initialLanguage, Language, rememberLanguage } from '@enforcement-link/web/language';
import { useLiveVersion } from '@enforcement-link/web/live';
import { useEffect, useState } from 'preact/hooks';
import { RequestForm } from './request-form';
import { RequestList } from './request-list';
import { RequestPage } from './request-page';
import { Court, SharedContext } from './shared';
import { word } from './words';

type Route =
  | { page: 'list'; side: 'outgoing' | 'incoming' }
  | { page: 'request'; side: 'outgoing' | 'incoming'; kind: string; id: string }
  | { page: 'new'; kind: 'delegation' | 'asset-search' };

function routeOf(hash: string): Route {
  const [, first, second, third] = hash.replace(/^#/, '').split('/');
  if (first === 'new' && (second === 'delegation' || second === 'asset-search')) {
    return { page: 'new', kind: second };
  }
  const side = first === 'incoming' ? 'incoming' : 'outgoing';
  if (second && third) return { page: 'request', side, kind: second, id: third };
  return { page: 'list', side };
}

/** The court's workbench: clerks' outgoing requests, handlers' incoming tasks. */
export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage());
  const [route, setRoute] = useState<Route>(routeOf(location.hash));
  const [network, setNetwork] = useState<{ court: Court; courts: Court[] }>();
  const live = useLiveVersion('request');

  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    void Promise.all([get<Court>('courts/this'), get<Court[]>('courts')]).then(([court, courts]) =>
      setNetwork({ court, courts }),
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = `${word(language, 'title')} · ${network?.court.name[language] ?? ''}`;
  }, [language, network]);

  if (!network) return <p>{word(language, 'loading')}</p>;
  const switchLanguage = () => {
    const next = language === 'zh' ? 'en' : 'zh';
    rememberLanguage(next);
    setLanguage(next);
  };
  const tab = route.page === 'list' || route.page === 'request' ? route.side : 'outgoing';

  return (
    <SharedContext.Provider value={{ language, ...network, version: live.version }}>
      <header>
        <div>
          <h1 data-testid="court-name">{network.court.name[language]}</h1>
          <p class="subtitle">{word(language, 'title')}</p>
        </div>
        <nav class="status">
          <a
            href="#/outgoing"
            class={tab === 'outgoing' ? 'tab active' : 'tab'}
            data-testid="tab-outgoing"
          >
            {word(language, 'outgoing')}
          </a>
          <a
            href="#/incoming"
            class={tab === 'incoming' ? 'tab active' : 'tab'}
            data-testid="tab-incoming"
          >
            {word(language, 'incoming')}
          </a>
          <span class={live.connected ? 'live' : 'live offline'}>
            {word(language, live.connected ? 'live' : 'offline')}
          </span>
          <button type="button" onClick={switchLanguage} data-testid="language">
            {word(language, 'language')}
          </button>
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
