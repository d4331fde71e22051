import { useEffect, useState } from 'preact/hooks';
import { initialLanguage, Language, rememberLanguage } from './language';

/** The page's language, remembered in the browser and set on the document, and the way to switch it. */
export function useLanguage(): [Language, () => void] {
  const [language, setLanguage] = useState<Language>(initialLanguage());
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  const switchLanguage = () => {
    const next = language === 'zh' ? 'en' : 'zh';
    rememberLanguage(next);
    setLanguage(next);
  };
  return [language, switchLanguage];
}

/** A button naming the other language, in that language. */
export function LanguageSwitch(props: { language: Language; onSwitch: () => void }) {
  return (
    <button type="button" onClick={props.onSwitch} data-testid="language">
      {props.language === 'zh' ? 'English' : '中文'}
    </button>
  );
}
