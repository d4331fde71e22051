import { useReloaded } from '@enforcement-link/web/data';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { Court, Province } from './api';
import { Language } from './i18n';

/** What every page shares: the language, the network's courts, and the live data version. */
export interface Shared {
  language: Language;
  courts: Map<string, Court>;
  provinces: Province[];
  /** Goes up each time the monitor announces new figures; pages reload what they show. */
  version: number;
}

export const SharedContext = createContext<Shared>({
  language: 'zh',
  courts: new Map(),
  provinces: [],
  version: 0,
});

export const useShared = () => useContext(SharedContext);

/** Loads `load()`, and again whenever something changed or `deps` do; undefined until loaded. */
export function useData<T>(load: () => Promise<T>, deps: unknown[]): T | undefined {
  return useReloaded(useShared().version, load, deps);
}

export function courtName(shared: Shared, code: string): string {
  const court = shared.courts.get(code);
  return court ? court.name[shared.language] : code;
}

export function provinceName(shared: Shared, code: string | null | undefined): string {
  const province = shared.provinces.find((candidate) => candidate.code === code);
  return province ? province[shared.language] : (code ?? '—');
}
