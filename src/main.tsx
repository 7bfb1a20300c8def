import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { initI18n } from '@/i18n/i18n';
import '@/app/app.css';

function render() {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
}

// The first render waits for the language's strings (one small chunk). If they cannot be fetched the
// app still starts: a screen of keys can be reloaded, a blank page cannot.
initI18n()
  .catch((error: unknown) => console.error('Composure: could not load the interface language', error))
  .finally(render);
