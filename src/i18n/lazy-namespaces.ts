import i18next from 'i18next';

// Strings of regions a trainee rarely or never opens (Author, Review, LRS and LMS settings, My progress, the
// voice controls) load with that region, not with the app: every namespace in ./locales is bundled into the
// first download, these are fetched on demand.
const files = import.meta.glob<Record<string, unknown>>('./locales-lazy/*/*.json', { import: 'default' });

export type LazyNamespace = 'author' | 'library-added' | 'lms' | 'progress' | 'review' | 'voice';

const loaded = new Set<string>();

export async function loadNamespace(ns: LazyNamespace): Promise<void> {
  if (loaded.has(ns)) return;
  await Promise.all(
    Object.entries(files)
      .filter(([path]) => path.endsWith(`/${ns}.json`))
      .map(async ([path, load]) => {
        const lng = /\.\/locales-lazy\/([^/]+)\//.exec(path)?.[1];
        if (lng) i18next.addResourceBundle(lng, ns, await load(), true, true);
      }),
  );
  loaded.add(ns);
}
