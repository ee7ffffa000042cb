import { createContext, useContext } from 'react';
import { de } from './messages-de.ts';

import type { Lang } from '@zielmonitor/shared/vocabulary/lang';
export type { Lang };
type Messages = typeof de;
export type T = Messages & { lang: Lang };

/** German ships with the first screen; English loads when someone chooses it. */
export async function loadMessages(lang: Lang): Promise<T> {
  const messages = lang === 'en' ? (await import('./messages-en.ts')).en : de;
  return { ...messages, lang };
}

const GERMAN: T = { ...de, lang: 'de' };

export const LangContext = createContext<{ t: T; setLang: (lang: Lang) => void }>({ t: GERMAN, setLang: () => {} });

/** The messages of the chosen language; German first, English switchable. */
export function useT(): T {
  return useContext(LangContext).t;
}
