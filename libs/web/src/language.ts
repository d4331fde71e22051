/** Chinese by default, English on request; the choice is remembered in the browser. */
export type Language = 'zh' | 'en';

const STORAGE_KEY = 'enforcement-link.language';

export function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** Dates and times as the courts read them: China Standard Time. */
export function formatTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(value));
}

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** Amounts travel as integer fen and are shown in yuan. */
export function formatYuan(fen: number, language: Language): string {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}
