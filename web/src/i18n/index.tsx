import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import zh from './zh-CN.json';
import type officialsZh from './officials.zh-CN.json';

/** Every string the app shows is one of these keys: a key missing from a catalog does not compile. */
export type MessageKey = keyof typeof zh | keyof typeof officialsZh;
/** The catalog every page needs (built in for Chinese). */
export type Catalog = Record<keyof typeof zh, string>;
/** The officials' consoles' catalog: loaded with their pages, so the public first page does not carry it. */
export type OfficialsCatalog = Record<keyof typeof officialsZh, string>;
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
/** The district's time: every date and time is shown in it, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

const PREFERENCE = 'five-haves.locale';

/** Chinese is built in (the default); English is a chunk of its own, loaded when chosen. */
async function catalogOf(locale: Locale): Promise<Catalog> {
  return locale === 'en' ? (await import('./en.json')).default : zh;
}

/**
 * The officials' catalogs, each loaded once when an official's page is first opened (its route
 * waits for it, so the page never shows a key) and, after that, with every change of language.
 */
const officials: Partial<Record<Locale, OfficialsCatalog>> = {};
let officialsWanted = false;
let shownLocale: Locale = 'zh-CN';
const officialsListeners = new Set<() => void>();
let officialsVersion = 0;

async function loadOfficials(locale: Locale): Promise<void> {
  if (officials[locale]) return;
  officials[locale] = locale === 'en' ? (await import('./officials.en.json')).default : (await import('./officials.zh-CN.json')).default;
  officialsVersion += 1;
  for (const listener of officialsListeners) listener();
}

/** Before an official's page renders: its catalog in the language shown. */
export async function officialsReady(): Promise<void> {
  officialsWanted = true;
  await loadOfficials(shownLocale);
}

function useOfficialsVersion(): number {
  return useSyncExternalStore(
    (listener) => {
      officialsListeners.add(listener);
      return () => officialsListeners.delete(listener);
    },
    () => officialsVersion,
  );
}

function preferred(): Locale {
  const stored = globalThis.localStorage?.getItem(PREFERENCE);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}
const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ locale: Locale; messages: Catalog }>(() => ({ locale: 'zh-CN', messages: zh }));
  const setLocale = useCallback((locale: Locale) => {
    void Promise.all([catalogOf(locale), officialsWanted ? loadOfficials(locale) : undefined]).then(([messages]) => {
      shownLocale = locale;
      // A language preference is no secret: it may outlive the tab, unlike the tokens.
      globalThis.localStorage?.setItem(PREFERENCE, locale);
      setState({ locale, messages });
    });
  }, []);
  useEffect(() => {
    const wanted = preferred();
    if (wanted !== 'zh-CN') setLocale(wanted);
  }, [setLocale]);
  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);
  const value = useMemo(() => ({ locale: state.locale, setLocale }), [state.locale, setLocale]);
  const loadedOfficials = useOfficialsVersion();
  const messages = useMemo(
    () => ({ ...state.messages, ...(officials[state.locale] ?? {}) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.messages, state.locale, loadedOfficials],
  );
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={state.locale} messages={messages} defaultLocale="zh-CN" timeZone={TIME_ZONE}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);

type Values = Record<string, string | number | ReactNode>;

/** `t('jobs.title')`: a catalog string, formatted (ICU plural, select) with its values. */
export function useT() {
  const intl = useIntl();
  return useCallback(
    (id: MessageKey, values?: Values) => intl.formatMessage({ id }, values as Record<string, string>) as string,
    [intl],
  );
}

/** A catalog string in JSX. */
export function T({ id, values }: { id: MessageKey; values?: Values }) {
  return <>{useT()(id, values)}</>;
}

/** Dates and times in China time, formatted for the language. */
export function useFormat() {
  const intl = useIntl();
  return useMemo(
    () => ({
      dateTime: (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
      date: (iso: string) => intl.formatDate(iso, { dateStyle: 'long' }),
      /** A calendar day (`2026-12-01`) as the district's day, not shifted by a zone. */
      day: (day: string) => intl.formatDate(`${day}T12:00:00+08:00`, { dateStyle: 'long' }),
      /** A month (`2026-11`) as the district's month. */
      month: (month: string) => intl.formatDate(`${month}-15T12:00:00+08:00`, { year: 'numeric', month: 'short' }),
      time: (iso: string) => intl.formatTime(iso, { timeStyle: 'short' }),
      weekday: (iso: string) => intl.formatDate(iso, { weekday: 'long', month: 'long', day: 'numeric' }),
      number: (n: number) => intl.formatNumber(n),
      list: (items: string[]) => intl.formatList(items, { type: 'conjunction' }),
    }),
    [intl],
  );
}
