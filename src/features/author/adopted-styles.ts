import { StyleModule } from 'style-mod';

let mounted = false;

/**
 * CodeMirror writes its styles through style-mod, which puts them in a <style> element on a
 * document (a constructed, adopted style sheet only in a shadow root). The app's Content Security
 * Policy (`style-src 'self'`) blocks inline <style> elements, so the editor would be unstyled and
 * every mount a reported violation. style-mod decides once per root, on the first mount, and only
 * from whether the root has a <head>: hiding it for that first mount makes the document use an
 * adopted style sheet, which the policy allows; every later mount (themes, extensions) reuses it.
 */
export function adoptEditorStyles(): void {
  if (mounted || typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
  if (typeof CSSStyleSheet === 'undefined') return;
  Object.defineProperty(document, 'head', { configurable: true, get: () => null });
  try {
    StyleModule.mount(document, []);
    mounted = true;
  } finally {
    delete (document as { head?: unknown }).head;
  }
}
