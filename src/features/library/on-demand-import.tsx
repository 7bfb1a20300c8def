import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addToBrowserLibrary,
  browserScenarioIds,
  readImportFiles,
  type AddResult,
} from '@/state/browser-library';
import type { PackProblem, PackScenario } from '@/state/scenario-pack';
import { Dialog } from '@/ui/dialog';
import { LocatedProblems } from '@/ui/located-problems';
import './library-added.css';

// "Import scenarios" on the Library page: scenario files or packs into this browser's library. Loaded
// when the panel opens (an on-demand-* chunk; the checks, with the full loader for located errors, are
// on-demand-browser-library). Its strings are the lazy 'library-added' namespace.

type Outcome =
  | { kind: 'reading' }
  | { kind: 'problems'; problems: PackProblem[] }
  | { kind: 'served'; ids: string[] }
  | { kind: 'added'; added: string[]; replaced: string[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** Checked scenarios waiting for "Replace them": some ids were added here before. */
interface Pending {
  scenarios: PackScenario[];
  replacing: string[];
}

/** A chosen file's text (FileReader: every browser has it, and test DOMs too). */
const readText = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsText(file);
  });

const added = (result: AddResult): Outcome =>
  result.ok
    ? { kind: 'added', added: result.added, replaced: result.replaced }
    : { kind: 'served', ids: result.served };

export function ImportPanel({ onAdded, onClose }: { onAdded: () => void; onClose: () => void }) {
  const { t } = useTranslation('library-added');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [over, setOver] = useState(false);
  const id = useId();

  const fail = (error: unknown) =>
    setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  const finish = (done: Outcome) => {
    setOutcome(done);
    if (done.kind === 'added') onAdded();
  };
  const add = (scenarios: PackScenario[]) => addToBrowserLibrary(scenarios, 'import').then(added);

  // Reads and checks every file; adds them all, or nothing when any is bad (the library is unchanged).
  const start = (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (!files.length) return;
    setOutcome({ kind: 'reading' });
    void (async () => {
      const read = await readImportFiles(files.map((f) => ({ name: f.name, text: () => readText(f) })));
      if (!read.ok) return setOutcome({ kind: 'problems', problems: read.problems });
      const existing = await browserScenarioIds();
      const replacing = read.scenarios.map((s) => s.scenario.id).filter((s) => existing.has(s));
      if (replacing.length) {
        setOutcome(null);
        setPending({ scenarios: read.scenarios, replacing });
        return;
      }
      finish(await add(read.scenarios));
    })().catch(fail);
  };

  const confirm = () => {
    if (!pending) return;
    const { scenarios } = pending;
    setPending(null);
    setOutcome({ kind: 'reading' });
    add(scenarios).then(finish, fail);
  };

  return (
    <section className="card import-panel" aria-labelledby={`${id}-title`} data-testid="import-panel">
      <h2 id={`${id}-title`}>{t('import.title')}</h2>
      <p>{t('import.help')}</p>
      <div
        className={over ? 'import-drop import-drop--over' : 'import-drop'}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          start(e.dataTransfer.files);
        }}
      >
        <label htmlFor={`${id}-file`}>{t('import.drop')}</label>{' '}
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          multiple
          data-testid="import-file"
          onChange={(e) => {
            start(e.target.files);
            e.target.value = ''; // the same files can be chosen again after fixing them
          }}
        />
      </div>
      <div role="status" data-testid="import-report">
        {outcome?.kind === 'reading' ? <p>{t('import.reading')}</p> : null}
        {outcome?.kind === 'cancelled' ? <p>{t('import.cancelled')}</p> : null}
        {outcome?.kind === 'added' ? (
          <>
            <p>{t('import.added', { count: outcome.added.length + outcome.replaced.length })}</p>
            <ul>
              {outcome.added.map((s) => (
                <li key={s}>{t('import.addedOne', { id: s })}</li>
              ))}
              {outcome.replaced.map((s) => (
                <li key={s}>{t('import.replacedOne', { id: s })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {outcome?.kind === 'failed' ? (
        <p className="notice notice--warn" role="alert">
          {t('import.failed', { message: outcome.message })}
        </p>
      ) : null}
      {outcome?.kind === 'problems' || outcome?.kind === 'served' ? (
        <div className="notice notice--warn" role="alert" data-testid="import-problems">
          <p>{t('import.nothingAdded')}</p>
          {outcome.kind === 'served' ? (
            <ul>
              {outcome.ids.map((s) => (
                <li key={s}>{t('import.served', { id: s })}</li>
              ))}
            </ul>
          ) : (
            <LocatedProblems problems={outcome.problems} />
          )}
        </div>
      ) : null}
      {pending ? (
        <Dialog
          title={t('import.replaceTitle')}
          onCancel={() => {
            setPending(null);
            setOutcome({ kind: 'cancelled' });
          }}
          testId="import-replace-dialog"
          actions={
            <>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setPending(null);
                  setOutcome({ kind: 'cancelled' });
                }}
              >
                {t('import.cancel')}
              </button>
              <button type="button" className="button button--primary" onClick={confirm}>
                {t('import.replace')}
              </button>
            </>
          }
        >
          <p>{t('import.replaceBody')}</p>
          <ul>
            {pending.replacing.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </Dialog>
      ) : null}
      <p>
        <button type="button" className="button" onClick={onClose}>
          {t('import.close')}
        </button>
      </p>
    </section>
  );
}
