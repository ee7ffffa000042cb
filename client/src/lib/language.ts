import type { Lang } from '@zielmonitor/shared/vocabulary/lang';

// The interface language outside React: the API client sends it as Accept-Language (the server
// words its errors in it), and form validation words its messages in it.
let language: Lang = 'de';

export const setLanguage = (lang: Lang) => {
  language = lang;
};
export const currentLanguage = (): Lang => language;
