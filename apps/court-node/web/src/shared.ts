import { useReloaded } from '@enforcement-link/web/data';
import { Language } from '@enforcement-link/web/language';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface Court {
  code: string;
  name: { zh: string; en: string };
  province: string;
  level: 'high' | 'intermediate' | 'basic';
  matterTypes: string[];
  acceptsAssetSearches: boolean;
}

/** What every page shares: the language, this court, the network, and the live data version. */
export interface Shared {
  language: Language;
  court: Court;
  courts: Court[];
  /** Goes up each time the node announces a change; pages reload what they show. */
  version: number;
}

export const SharedContext = createContext<Shared | undefined>(undefined);

export function useShared(): Shared {
  const shared = useContext(SharedContext);
  if (!shared) throw new Error('pages render inside the workbench');
  return shared;
}

/** Loads `load()`, and again whenever something changed or `deps` do; undefined until loaded. */
export function useData<T>(load: () => Promise<T>, deps: unknown[]): T | undefined {
  return useReloaded(useShared().version, load, deps);
}

export function courtName(shared: Shared, code: string): string {
  const court = shared.courts.find((candidate) => candidate.code === code);
  return court ? court.name[shared.language] : code;
}
