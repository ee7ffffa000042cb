import { createContext, useContext } from 'react';
import type { Status, Horizon, Confidence } from '@zielmonitor/shared/schemas/common';
import { de } from './messages-de.ts';
import { en } from './messages-en.ts';

export type Lang = 'de' | 'en';
export type Messages = typeof de;
export const MESSAGES: Record<Lang, Messages> = { de, en };

export const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({ lang: 'de', setLang: () => {} });

/** The messages of the chosen language; German first, English switchable. */
export function useT(): Messages & { lang: Lang } {
  const { lang } = useContext(LangContext);
  return { ...MESSAGES[lang], lang };
}

export const statusLabel = (t: Messages, status: Status) => t.status[status];
export const horizonLabel = (t: Messages, horizon: Horizon) => t.horizon[horizon];
export const confidenceLabel = (t: Messages, confidence: Confidence) => t.confidence[confidence];
