import { useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { ErrorSummary, Field, type FieldProblem } from '../../../components/Form.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useT } from '../../../i18n/index.tsx';
import { ApiError, idempotencyKey } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { DISTRICT } from '../../../lib/places.ts';
import { accessList } from '../../access-list/api/access-list.ts';
import { DEPARTMENTS, departmentName } from '../../department/names.ts';
import { approveAccessItem, recentDecisions, type AccessItem } from '../api/district.ts';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
type Name = 'code' | 'title' | 'description' | 'decision';

/** Put a work item on the access list, by a decision of one of the district's joint meetings, for some departments or any. */
function AccessItemForm({ onAdded }: { onAdded: (item: AccessItem) => void }) {
  const t = useT();
  const decisions = useLoad(() => recentDecisions(), []);
  const blank = { code: '', title: '', description: '', decision: '', departments: [] as string[] };
  const [values, setValues] = useState(blank);
  const [problems, setProblems] = useState<Array<FieldProblem & { name: Name }>>([]);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const set = (name: Name) => (event: { target: { value: string } }) => {
    setValues({ ...values, [name]: event.target.value });
    setKey(idempotencyKey());
  };
  const toggle = (department: string) => {
    setValues({ ...values, departments: values.departments.includes(department) ? values.departments.filter((d) => d !== department) : [...values.departments, department] });
    setKey(idempotencyKey());
  };
  const errorOf = (name: Name) => problems.find((p) => p.name === name)?.message;
  const say = (name: Name, message: string) => ({ field: `access-${name}`, name, message });
  const send = async () => {
    setSending(true);
    setOffline(false);
    const body = { code: values.code.trim(), title: values.title.trim(), description: values.description.trim(), departments: values.departments, decisionId: values.decision };
    try {
      const added = await approveAccessItem(body, key);
      setProblems([]);
      setValues(blank);
      setKey(idempotencyKey());
      onAdded(added);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      if (failure.status === 'network') setOffline(true);
      else if (failure.status === 409) setProblems([say('code', t('district.access.exists', { code: body.code }))]);
      else if (failure.status === 422) setProblems([say('decision', t('district.access.decisionRefused'))]);
      else if (failure.status === 403) setProblems([say('code', t('district.access.forbidden'))]);
      else if (failure.status === 400 && failure.problem?.errors?.length) {
        setProblems(
          failure.problem.errors.map((issue) => {
            const name = (['code', 'title', 'description'] as const).find((n) => issue.field.split('.').includes(n)) ?? 'decision';
            return say(name, t(`district.access.v.${name}`));
          }),
        );
      } else setProblems([say('code', failure.problem?.detail ?? t('district.v.refused'))]);
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong: Array<FieldProblem & { name: Name }> = [];
    if (!CODE.test(values.code.trim())) wrong.push(say('code', t('district.access.v.code')));
    if (values.title.trim().length < 1 || values.title.trim().length > 200) wrong.push(say('title', t('district.access.v.title')));
    if (values.description.trim().length < 1 || values.description.trim().length > 2_000) wrong.push(say('description', t('district.access.v.description')));
    if (!values.decision) wrong.push(say('decision', t('district.access.v.decision')));
    setProblems(wrong);
    if (wrong.length === 0) void send();
  };
  const options = decisions.state === 'ready' ? decisions.data : [];
  return (
    <section aria-labelledby="access-form-heading">
      <h2 id="access-form-heading">{t('district.access.addTitle')}</h2>
      <p>{t('district.access.addIntro')}</p>
      <ErrorSummary problems={problems} />
      {offline ? <NetworkNotice onRetry={() => void send()} /> : null}
      <form onSubmit={submit} noValidate>
        <Field id="access-decision" label={t('district.access.f.decision')} hint={t('district.access.f.decisionHint')} {...opt(errorOf('decision'))}>
          {(aria) => (
            <select {...aria} value={values.decision} onChange={set('decision')}>
              <option value="">{decisions.state === 'loading' ? t('district.access.f.decisionsLoading') : t('district.access.f.chooseDecision')}</option>
              {options.map((d) => (
                <option key={d.id} value={d.id}>
                  {t('district.access.f.decisionOption', { meeting: d.meetingTitle, decision: d.title })}
                </option>
              ))}
            </select>
          )}
        </Field>
        {decisions.state === 'ready' && options.length === 0 ? (
          <p>
            {t('district.access.noDecisions')} <Link href="/district/meetings">{t('district.access.toMeetings')}</Link>
          </p>
        ) : null}
        <div className="field-row">
          <Field id="access-code" label={t('district.access.f.code')} hint={t('district.access.f.codeHint')} {...opt(errorOf('code'))}>
            {(aria) => <input {...aria} value={values.code} onChange={set('code')} autoCapitalize="characters" spellCheck={false} autoComplete="off" />}
          </Field>
          <Field id="access-title" label={t('district.access.f.title')} {...opt(errorOf('title'))}>
            {(aria) => <input {...aria} value={values.title} onChange={set('title')} />}
          </Field>
        </div>
        <Field id="access-description" label={t('district.access.f.description')} {...opt(errorOf('description'))}>
          {(aria) => <textarea {...aria} rows={3} value={values.description} onChange={set('description')} />}
        </Field>
        <fieldset className="field" aria-describedby="access-departments-hint">
          <legend>{t('district.access.f.departments')}</legend>
          <span className="hint" id="access-departments-hint">
            {t('district.access.f.departmentsHint')}
          </span>
          {DEPARTMENTS.map((d) => (
            <label key={d} className="choice">
              <input type="checkbox" checked={values.departments.includes(d)} onChange={() => toggle(d)} /> {departmentName(t, d)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={sending}>
          {sending ? t('district.sending') : t('district.access.add')}
        </button>
      </form>
    </section>
  );
}

/**
 * The district office's access list: what departments may ask of communities, the decision each rests
 * on, and an item put on it. Coordination keeps no removal: an item stays on the list once approved.
 */
export function DistrictAccessList() {
  const t = useT();
  const format = useFormat();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const [added, setAdded] = useState<AccessItem>();
  const may = session?.roles.includes('district-admin') ?? false;
  const loaded = useLoad(
    () => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : accessList(DISTRICT.id, cursor)),
    [cursor, added?.code, session?.sub],
    { keep: true },
  );
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('district.access.title')} lead={t('district.access.lead')}>
      {added ? (
        <p className="notice" role="status">
          {t('district.access.added', { code: added.code, title: added.title })}
        </p>
      ) : null}
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p role="status">{t('district.access.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="district-access-caption" tabIndex={0}>
          <table>
            <caption id="district-access-caption">{t('district.access.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('district.access.f.code')}</th>
                <th scope="col">{t('district.access.f.title')}</th>
                <th scope="col">{t('district.access.f.departments')}</th>
                <th scope="col">{t('district.access.approvedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((item) => (
                <tr key={item.code}>
                  <th scope="row">{item.code}</th>
                  <td>
                    <strong>{item.title}</strong>
                    <br />
                    {item.description}
                  </td>
                  <td>{item.departments.length ? format.list(item.departments.map((d) => departmentName(t, d))) : t('district.access.anyDepartment')}</td>
                  <td>{format.date(item.approvedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.state === 'ready' ? (
        <Pager
          {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})}
          paged={Boolean(cursor)}
          hrefFor={(next) => (next ? `/district/access-list?cursor=${encodeURIComponent(next)}` : '/district/access-list')}
        />
      ) : null}
      <AccessItemForm onAdded={setAdded} />
    </Page>
  );
}

const opt = (error: string | undefined) => (error === undefined ? {} : { error });
