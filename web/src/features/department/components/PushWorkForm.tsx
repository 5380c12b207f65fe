import { useState, type FormEvent } from 'react';
import { NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { useLoad } from '../../../lib/load.ts';
import { DISTRICT, districtToday, nameOf, STREETS } from '../../../lib/places.ts';
import { accessCodes, pushWorkItem } from '../api/work.ts';

interface Values {
  code: string;
  community: string;
  title: string;
  description: string;
  dueOn: string;
}
type Name = keyof Values;
const NAMES: readonly Name[] = ['code', 'community', 'title', 'description', 'dueOn'];
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const COMMUNITIES = STREETS.flatMap((s) => s.communities);

export type PushOutcome = { accepted: true; code: string; community: string } | { accepted: false; code: string; community: string; reason: string };

/**
 * Ask a community to do a work item. Codes on the district's access list are offered; a code that is
 * not (or is for other departments) is refused by coordination, recorded as blocked and said so.
 */
export function PushWorkForm({ department, onPushed }: { department: string; onPushed: (outcome: PushOutcome) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const list = useLoad(() => accessCodes(DISTRICT.id), []);
  // After a send the community stays chosen (a department often asks one community several things).
  const blank: Values = { code: '', community: COMMUNITIES[0]!.id, title: '', description: '', dueOn: '' };
  const [values, setValues] = useState<Values>(blank);
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const set = (name: Name) => (event: { target: { value: string } }) => {
    const next = { ...values, [name]: event.target.value };
    // Choosing a listed code fills in its title and description, which the department may still change.
    const listed = name === 'code' && list.state === 'ready' ? list.data.find((i) => i.code === event.target.value) : undefined;
    setValues(listed && !values.title && !values.description ? { ...next, title: listed.title, description: listed.description } : next);
    setKey(idempotencyKey());
  };
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const say = (name: Name, message: string) => ({ field: `push-${name}`, name, message });

  const check = (): Array<FieldProblem & { name: Name }> => {
    const wrong: Array<FieldProblem & { name: Name }> = [];
    if (!CODE.test(values.code.trim())) wrong.push(say('code', t('department.work.v.code')));
    const title = values.title.trim().length;
    if (title < 1 || title > 200) wrong.push(say('title', t('department.work.v.title')));
    const description = values.description.trim().length;
    if (description < 1 || description > 2_000) wrong.push(say('description', t('department.work.v.description')));
    if (values.dueOn && (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueOn) || values.dueOn < districtToday())) wrong.push(say('dueOn', t('department.work.v.dueOn')));
    return wrong;
  };

  const send = async () => {
    setSending(true);
    setOffline(false);
    const body = {
      code: values.code.trim(),
      community: values.community,
      title: values.title.trim(),
      description: values.description.trim(),
      ...(values.dueOn ? { dueOn: values.dueOn } : {}),
    };
    try {
      await pushWorkItem(body, key);
      setProblems([]);
      setValues({ ...blank, community: body.community });
      setKey(idempotencyKey());
      onPushed({ accepted: true, code: body.code, community: body.community });
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      const reason = (failure.problem as { reason?: string } | undefined)?.reason;
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 422 && reason) {
        setProblems([]);
        setValues({ ...blank, community: body.community });
        setKey(idempotencyKey());
        onPushed({ accepted: false, code: body.code, community: body.community, reason });
      } else if (failure.status === 400 && failure.problem?.errors?.length) {
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = NAMES.find((n) => issue.field.split('.').includes(n)) ?? 'description';
            return say(name, t(`department.work.v.${name}` as MessageKey));
          }),
        );
      } else if (failure.status === 403) setProblems([say('community', t('department.work.forbidden'))]);
      else setProblems([say('code', failure.problem?.detail ?? failure.message)]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = check();
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  const listed = list.state === 'ready' ? list.data : [];
  return (
    <section aria-labelledby="push-heading">
      <h2 id="push-heading">{t('department.work.pushTitle')}</h2>
      <p>{t('department.work.pushIntro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field id="push-code" label={t('department.work.code')} hint={t('department.work.codeHint')} {...opt(errorOf('code'))}>
            {(aria) => (
              <>
                <input {...aria} list="push-codes" value={values.code} onChange={set('code')} autoCapitalize="characters" spellCheck={false} autoComplete="off" />
                <datalist id="push-codes">
                  {listed.map((item) => (
                    <option key={item.code} value={item.code}>
                      {item.title}
                      {item.departments.length && !item.departments.includes(department) ? ` (${t('department.work.notForUs')})` : ''}
                    </option>
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field id="push-community" label={t('department.work.community')} {...opt(errorOf('community'))}>
            {(aria) => (
              <select {...aria} value={values.community} onChange={set('community')}>
                {STREETS.map((s) => (
                  <optgroup key={s.id} label={nameOf(s.id, locale)}>
                    {s.communities.map((c) => (
                      <option key={c.id} value={c.id}>
                        {nameOf(c.id, locale)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field id="push-title" label={t('department.work.title')} {...opt(errorOf('title'))}>
          {(aria) => <input {...aria} value={values.title} onChange={set('title')} />}
        </Field>
        <Field id="push-description" label={t('department.work.description')} {...opt(errorOf('description'))}>
          {(aria) => <textarea {...aria} rows={3} value={values.description} onChange={set('description')} />}
        </Field>
        <Field id="push-dueOn" label={t('department.work.dueOn')} hint={t('department.work.dueOnHint')} {...opt(errorOf('dueOn'))}>
          {(aria) => <input {...aria} type="date" value={values.dueOn} min={districtToday()} onChange={set('dueOn')} />}
        </Field>
        <button type="submit" disabled={sending}>
          {sending ? t('department.work.sending') : t('department.work.submit')}
        </button>
      </form>
    </section>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });
