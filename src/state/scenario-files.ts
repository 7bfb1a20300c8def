// The scenario files are data served beside the app (scenarios/index.json lists them; the build and the
// dev server write both, scripts/scenario-catalogue.ts), not code: the library reads only the index, and
// a file is fetched when something needs its content. A deployment adds scenarios without a rebuild.

export function scenariosUrl(file: string): URL {
  const base = globalThis.document?.baseURI ?? globalThis.location?.href ?? 'http://localhost/';
  return new URL(`scenarios/${file}`, base);
}

export async function fetchText(file: string): Promise<string> {
  const response = await fetch(scenariosUrl(file), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`scenarios/${file}: ${response.status} ${response.statusText}`.trim());
  return response.text();
}
