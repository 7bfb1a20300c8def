import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onSubmit: (name: string, id: string) => void;
  initialName?: string;
  initialId?: string;
}

/** Asked once; the app keeps the answer so every attempt is attributed to the same trainee. */
export function TraineeForm({ onSubmit, initialName = '', initialId = '' }: Props) {
  const { t } = useTranslation('ui');
  const [name, setName] = useState(initialName);
  const [id, setId] = useState(initialId);
  const [touched, setTouched] = useState(false);
  const nameId = useId();
  const idId = useId();
  const errorId = useId();
  const invalid = touched && name.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (name.trim()) onSubmit(name, id);
  };
  return (
    <form className="trainee-form" onSubmit={submit} noValidate aria-labelledby={`${nameId}-title`}>
      <h2 id={`${nameId}-title`}>{t('trainee.title')}</h2>
      <p>{t('trainee.why')}</p>
      <div className="field">
        <label htmlFor={nameId}>{t('trainee.name')}</label>
        <input
          id={nameId}
          name="trainee-name"
          autoComplete="name"
          value={name}
          required
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {invalid ? (
          <p id={errorId} className="field__error">
            {t('trainee.nameRequired')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={idId}>{t('trainee.id')}</label>
        <input
          id={idId}
          name="trainee-id"
          value={id}
          onChange={(e) => setId(e.target.value)}
          aria-describedby={`${idId}-hint`}
        />
        <p id={`${idId}-hint`} className="field__hint">
          {t('trainee.idHint')}
        </p>
      </div>
      <button type="submit" className="button button--primary">
        {t('trainee.save')}
      </button>
    </form>
  );
}
