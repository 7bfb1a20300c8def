import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The voice controls' strings, fetched with the controls (on demand), not with Play. Not through
// i18n/lazy-namespaces: importing that module from Play's chunks makes the bundler split React out of
// the entry chunk, which costs every trainee about 1.5 KB gzip.
const strings = import.meta.glob<Record<string, unknown>>('../../i18n/locales-lazy/*/voice.json', {
  import: 'default',
});

/** True once the voice strings are in i18next (both languages, so switching needs no fetch). */
export function useVoiceStrings(): boolean {
  const { i18n } = useTranslation();
  const [ready, setReady] = useState(() => i18n.hasResourceBundle(i18n.language, 'voice'));
  useEffect(() => {
    if (ready) return;
    let live = true;
    void Promise.all(
      Object.entries(strings).map(async ([path, load]) => {
        const lng = /locales-lazy\/([^/]+)\//.exec(path)?.[1];
        if (lng && !i18n.hasResourceBundle(lng, 'voice'))
          i18n.addResourceBundle(lng, 'voice', await load(), true, true);
      }),
    ).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [ready, i18n]);
  return ready;
}
