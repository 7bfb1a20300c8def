import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '@/state/route';
import { useLrs, type LrsSettings, type OutboxItem } from '@/state/lrs-store';
import './lms.css';

type SettingsForm = Omit<LrsSettings, 'configuredAt'>;

const EMPTY: SettingsForm = {
  endpoint: '',
  username: '',
  password: '',
  identity: 'account',
  homePage: '',
  accountName: '',
  email: '',
};

function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string, hintId: string | undefined) => React.ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="lms-field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint ? (
        <small id={hintId} className="lms-hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

function SendSettings() {
  const { t } = useTranslation('lms');
  const settings = useLrs((s) => s.settings);
  const check = useLrs((s) => s.check);
  const [form, setForm] = useState<SettingsForm>(settings ?? EMPTY);
  const [message, setMessage] = useState<string | null>(null);
  const update = (patch: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await useLrs.getState().save(form);
    setMessage(saved.ok ? t('send.saved') : t('send.invalidEndpoint'));
  };

  return (
    <section className="panel lms-section" aria-labelledby="lms-send">
      <h2 id="lms-send">{t('send.title')}</h2>
      <form onSubmit={submit} data-testid="lrs-settings">
        <Field label={t('send.endpoint')} hint={t('send.endpointHint')}>
          {(id, hint) => (
            <input
              id={id}
              aria-describedby={hint}
              type="url"
              required
              value={form.endpoint}
              onChange={(e) => update({ endpoint: e.target.value })}
              data-testid="lrs-endpoint"
            />
          )}
        </Field>
        <Field label={t('send.username')}>
          {(id) => (
            <input
              id={id}
              autoComplete="off"
              value={form.username}
              onChange={(e) => update({ username: e.target.value })}
              data-testid="lrs-username"
            />
          )}
        </Field>
        <Field label={t('send.password')} hint={t('send.credentialsNote')}>
          {(id, hint) => (
            <input
              id={id}
              aria-describedby={hint}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => update({ password: e.target.value })}
              data-testid="lrs-password"
            />
          )}
        </Field>
        <fieldset className="lms-identity">
          <legend>{t('send.identity')}</legend>
          <label>
            <input
              type="radio"
              name="identity"
              checked={form.identity === 'account'}
              onChange={() => update({ identity: 'account' })}
            />{' '}
            {t('send.identityAccount')}
          </label>
          <label>
            <input
              type="radio"
              name="identity"
              checked={form.identity === 'mbox'}
              onChange={() => update({ identity: 'mbox' })}
            />{' '}
            {t('send.identityMbox')}
          </label>
        </fieldset>
        {form.identity === 'account' ? (
          <>
            <Field label={t('send.homePage')} hint={t('send.homePageHint')}>
              {(id, hint) => (
                <input
                  id={id}
                  aria-describedby={hint}
                  type="url"
                  required
                  value={form.homePage}
                  onChange={(e) => update({ homePage: e.target.value })}
                  data-testid="lrs-home-page"
                />
              )}
            </Field>
            <Field label={t('send.accountName')} hint={t('send.accountNameHint')}>
              {(id, hint) => (
                <input
                  id={id}
                  aria-describedby={hint}
                  value={form.accountName}
                  onChange={(e) => update({ accountName: e.target.value })}
                  data-testid="lrs-account-name"
                />
              )}
            </Field>
          </>
        ) : (
          <Field label={t('send.email')}>
            {(id) => (
              <input
                id={id}
                type="email"
                required
                value={form.email}
                onChange={(e) => update({ email: e.target.value })}
              />
            )}
          </Field>
        )}
        <div className="lms-actions">
          <button type="submit" className="button button--primary" data-testid="lrs-save">
            {t('send.save')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void useLrs.getState().testConnection(form)}
          >
            {t('send.test')}
          </button>
          {settings ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                useLrs.getState().disconnect();
                setMessage(null);
              }}
            >
              {t('send.disconnect')}
            </button>
          ) : null}
        </div>
        <p role="status" className="lms-status">
          {message}
          {check
            ? check.ok
              ? t('send.checkOk', { version: check.message })
              : t('send.checkFailed', { message: check.message })
            : null}
        </p>
      </form>
    </section>
  );
}

function FailedRow({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('lms');
  const verb = item.statement.verb.display['en-US'] ?? item.statement.verb.id;
  return (
    <li data-testid="outbox-failed">
      <span>
        {verb} · {item.statement.timestamp}
      </span>{' '}
      <code>{item.error?.message}</code>{' '}
      <button type="button" className="button" onClick={() => void useLrs.getState().retry([item.id])}>
        {t('outbox.retry')}
      </button>{' '}
      <button type="button" className="button" onClick={() => void useLrs.getState().discard([item.id])}>
        {t('outbox.discard')}
      </button>
    </li>
  );
}

function OutboxPanel() {
  const { t } = useTranslation('lms');
  const summary = useLrs((s) => s.summary);
  const persistent = useLrs((s) => s.persistent);
  useEffect(() => {
    void useLrs.getState().refresh();
    const timer = setInterval(() => void useLrs.getState().refresh(), 3000);
    return () => clearInterval(timer);
  }, []);
  if (!summary) return null;
  return (
    <section className="panel lms-section" aria-labelledby="lms-outbox" data-testid="outbox">
      <h2 id="lms-outbox">{t('outbox.title')}</h2>
      {persistent === false ? <p className="lms-warning">{t('outbox.notPersistent')}</p> : null}
      <p data-testid="outbox-pending" data-count={summary.pending}>
        {summary.pending ? t('outbox.pending', { count: summary.pending }) : t('outbox.none')}
      </p>
      {summary.pending && summary.waitingBecause ? (
        <p data-testid="outbox-reason">
          {t('outbox.because', {
            message: `${t(`outbox.kind.${summary.waitingBecause.kind}`)} (${summary.waitingBecause.message})`,
          })}{' '}
          {summary.nextAt
            ? t('outbox.nextTry', { time: new Date(summary.nextAt).toLocaleTimeString() })
            : null}
        </p>
      ) : null}
      {summary.elsewhere ? (
        <p data-testid="outbox-elsewhere" data-count={summary.elsewhere}>
          {t('outbox.elsewhere', { count: summary.elsewhere })}{' '}
          <button type="button" className="button" onClick={() => void useLrs.getState().discardElsewhere()}>
            {t('outbox.discardElsewhere')}
          </button>
        </p>
      ) : null}
      <p data-testid="outbox-sent" data-count={summary.sent}>
        {t('outbox.sent', { count: summary.sent })}
      </p>
      {summary.pending ? (
        <button type="button" className="button" onClick={() => void useLrs.getState().sendNow()}>
          {t('outbox.sendNow')}
        </button>
      ) : null}
      {summary.failed.length ? (
        <>
          <h3>{t('outbox.failed', { count: summary.failed.length })}</h3>
          <ul className="lms-failed">
            {summary.failed.map((item) => (
              <FailedRow key={item.id} item={item} />
            ))}
          </ul>
          <button type="button" className="button" onClick={() => void useLrs.getState().retry()}>
            {t('outbox.retryAll')}
          </button>
        </>
      ) : null}
    </section>
  );
}

function ReviewFromLrs() {
  const { t } = useTranslation('lms');
  const review = useLrs((s) => s.review);
  const [endpoint, setEndpoint] = useState(useLrs.getState().settings?.endpoint ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const loading = review.status === 'loading';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void useLrs.getState().loadFromLrs({ endpoint, username, password });
  };
  const report = review.report;
  return (
    <section className="panel lms-section" aria-labelledby="lms-review">
      <h2 id="lms-review">{t('review.title')}</h2>
      <p>{t('review.intro')}</p>
      <form onSubmit={submit} data-testid="lrs-review-form">
        <Field label={t('send.endpoint')}>
          {(id) => (
            <input
              id={id}
              type="url"
              required
              value={endpoint}
              onChange={(e) => setEndpoint(e.target.value)}
              data-testid="lrs-review-endpoint"
            />
          )}
        </Field>
        <Field label={t('send.username')}>
          {(id) => (
            <input
              id={id}
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('send.password')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="lms-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={loading}
            data-testid="lrs-review-load"
          >
            {t('review.load')}
          </button>
          {loading ? (
            <button type="button" className="button" onClick={() => useLrs.getState().cancelLoad()}>
              {t('review.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="lrs-review-status" data-status={review.status}>
        {loading ? (
          <p>
            <progress aria-label={t('review.load')} />{' '}
            {t('review.progress', { pages: review.pages, statements: review.statements })}
          </p>
        ) : null}
        {review.status === 'done' ? (
          <>
            <p>
              {t('review.done', {
                attempts: review.attempts,
                statements: review.statements,
                inProgress: review.inProgress,
              })}
            </p>
            {report?.ok ? (
              <p data-testid="lrs-review-imported">
                {t('review.imported', {
                  imported: report.imported,
                  duplicates: report.duplicates,
                  flagged: report.flagged,
                })}
              </p>
            ) : null}
            <p>
              <a href={routeHref.review()}>{t('review.open')}</a>
            </p>
          </>
        ) : null}
        {review.status === 'error' ? (
          <p className="lms-warning">
            {t('review.error', {
              message: review.error === 'endpoint' ? t('send.invalidEndpoint') : review.error,
            })}
          </p>
        ) : null}
        {review.status === 'cancelled' ? <p>{t('review.cancelled')}</p> : null}
        {review.problems.length ? (
          <details>
            <summary>{t('review.problems', { count: review.problems.length })}</summary>
            <ul>
              {review.problems.map((p) => (
                <li key={p.attempt}>
                  <code>{p.attempt}</code>: {p.reason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </section>
  );
}

/** LMS and LRS settings: where attempts are sent, what is waiting, and loading attempts into Review. */
export function LmsView() {
  const { t } = useTranslation('lms');
  return (
    <div className="lms-view">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <SendSettings />
      <OutboxPanel />
      <ReviewFromLrs />
    </div>
  );
}
