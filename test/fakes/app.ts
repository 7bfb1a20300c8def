import { contentHash } from '@/engine/format/content-hash';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { createMemoryBackend } from '@/records/memory-backend';
import { configureStorage } from '@/records/storage';
import { initI18n } from '@/i18n/i18n';
import { loadNamespace } from '@/i18n/lazy-namespaces';
import { setCatalogueForTests, type Catalogue } from '@/state/catalogue';
import { usePlay } from '@/state/play-store';
import { useSettings } from '@/state/settings-store';
import { useTrainee } from '@/state/trainee-store';
import { fakeRubric, fakeScenario } from './scenario';

export function fakeCatalogue(
  scenarios: Scenario[] = [fakeScenario()],
  rubric: Rubric = fakeRubric(),
): Catalogue {
  return {
    entries: scenarios.map((scenario) => ({
      scenario,
      hash: contentHash(scenario),
      file: `scenarios/${scenario.id}.json`,
      diagnostics: [],
    })),
    rubric,
    rubricHash: contentHash(rubric),
    problems: [],
  };
}

/** A fresh app for a component test: English, in-memory records, a known trainee, no typing delay. */
export async function setUpApp(catalogue: Catalogue = fakeCatalogue(), language: 'en' | 'zh-CN' = 'en') {
  localStorage.clear();
  await configureStorage({ backend: createMemoryBackend() });
  await initI18n(language);
  await Promise.all([loadNamespace('review'), loadNamespace('author')]);
  setCatalogueForTests(catalogue);
  usePlay.getState().reset();
  useSettings.setState({ typingMs: 0, turnTimer: false });
  useTrainee.setState({ trainee: { id: 'T-1', name: 'Test Trainee' } });
  return catalogue;
}
