import { createHash } from 'node:crypto';
import type { LocalAccount } from './accounts.ts';

/**
 * The local provider's interaction pages, in Chinese (the default) or English as the app asked
 * (`ui_locales`). Plain server-rendered HTML: buttons that say what they do, and a strict CSP (the
 * one style block by its hash). Residents register on the app's own page, as in the cloud.
 */
export type Lang = 'zh-CN' | 'en';

/** The web app's registration page, on the app's origin (which this provider shares locally). */
export const APP_REGISTER_PATH = '/register';

const TEXT = {
  title: { 'zh-CN': '登录 五有平台（本地）', en: 'Sign in to Five Haves (local)' },
  intro: {
    'zh-CN': '这是本地开发用的登录服务。选择一个账号登录；在云端，这一步由 Cognito 托管登录完成。',
    en: 'This is the local sign-in service for development. Choose an account; in the cloud, Cognito managed login does this step.',
  },
  seeded: { 'zh-CN': '预置账号', en: 'Seeded accounts' },
  registered: { 'zh-CN': '已注册的居民', en: 'Registered residents' },
  signInAs: { 'zh-CN': '以此账号登录', en: 'Sign in as' },
  register: { 'zh-CN': '居民注册', en: 'Register as a resident' },
  registerHint: {
    'zh-CN': '居民在五有平台的注册页自行注册；注册并验证电子邮箱后，账号会列在这里。',
    en: 'Residents register themselves on the Five Haves registration page; once their e-mail address is verified, the account is listed here.',
  },
  signOutTitle: { 'zh-CN': '退出登录', en: 'Sign out' },
  signOutAsk: { 'zh-CN': '要退出五有平台吗？', en: 'Sign out of Five Haves?' },
  signOutYes: { 'zh-CN': '是，退出登录', en: 'Yes, sign me out' },
  signOutNo: { 'zh-CN': '不，保持登录', en: 'No, stay signed in' },
  signedOut: { 'zh-CN': '你已退出登录。', en: 'You are signed out.' },
  errorTitle: { 'zh-CN': '登录出错', en: 'Sign-in failed' },
  language: { 'zh-CN': 'English', en: '中文' },
} satisfies Record<string, Record<Lang, string>>;

type Key = keyof typeof TEXT;
const t = (lang: Lang, key: Key, values: Record<string, string> = {}) =>
  TEXT[key][lang].replace(/\{(\w+)\}/g, (_m, name: string) => escape(values[name] ?? ''));

export const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:16px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#0b0c0c;margin:0}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem}h2{font-size:1.25rem;margin-top:1.5rem}
ul.accounts{list-style:none;padding:0}ul.accounts li{margin:.5rem 0}
button,.button{font:inherit;padding:.5rem 1rem;border:2px solid #00703c;background:#00703c;color:#fff;cursor:pointer;text-align:left;width:100%}
button.secondary{background:#f3f2f1;color:#0b0c0c;border-color:#505a5f}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
label{display:block;font-weight:600;margin-top:1rem}.hint{color:#505a5f;display:block}
input,select{font:inherit;padding:.4rem;border:2px solid #0b0c0c;width:100%;box-sizing:border-box;margin-bottom:.5rem}
.error{color:#b10e1e;font-weight:600;display:block}.summary{border:4px solid #b10e1e;padding:1rem;margin:1rem 0}
.summary a{color:#b10e1e}a{color:#1d70b8}.role{font-size:.9rem}
@media (max-width:30rem){main{padding:.5rem}}`;

/** The pages' CSP: nothing but this style block and forms back to the provider. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function page(lang: Lang, title: string, body: string, switchTo?: string): string {
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const languageLink = switchTo
    ? `<p><a href="${escape(switchTo)}${switchTo.includes('?') ? '&' : '?'}lang=${other}" lang="${other}" hreflang="${other}">${t(lang, 'language')}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>${languageLink}${body}</main></body></html>`;
}

function accountButton(lang: Lang, uid: string, account: LocalAccount): string {
  const place = [account.jurisdiction, account.department].filter(Boolean).join(' · ');
  return `<li><form method="post" action="/oidc/interaction/${uid}/login">
<input type="hidden" name="account" value="${escape(account.sub)}">
<button type="submit"><span>${t(lang, 'signInAs')} ${escape(account.name)}</span><br><span class="role">${escape(account.roles.join(', '))} · ${escape(place)}</span></button>
</form></li>`;
}

export function signInPage(lang: Lang, uid: string, accounts: readonly LocalAccount[]): string {
  const seeded = accounts.filter((a) => a.origin === 'seeded');
  const registered = accounts.filter((a) => a.origin === 'registered');
  return page(
    lang,
    t(lang, 'title'),
    `<h1>${t(lang, 'title')}</h1><p>${t(lang, 'intro')}</p>
<p><a href="${APP_REGISTER_PATH}">${t(lang, 'register')}</a> <span class="hint">${t(lang, 'registerHint')}</span></p>
<h2>${t(lang, 'seeded')}</h2><ul class="accounts">${seeded.map((a) => accountButton(lang, uid, a)).join('')}</ul>
${registered.length ? `<h2>${t(lang, 'registered')}</h2><ul class="accounts">${registered.map((a) => accountButton(lang, uid, a)).join('')}</ul>` : ''}`,
    `/oidc/interaction/${uid}`,
  );
}

/** oidc-provider's sign-out confirmation: `form` is its own form (with its CSRF token), submitted by our buttons. */
export function signOutPage(lang: Lang, form: string): string {
  return page(
    lang,
    t(lang, 'signOutTitle'),
    `<h1>${t(lang, 'signOutAsk')}</h1>${form}
<p><button type="submit" form="op.logoutForm" value="yes" name="logout">${t(lang, 'signOutYes')}</button></p>
<p><button class="secondary" type="submit" form="op.logoutForm">${t(lang, 'signOutNo')}</button></p>`,
  );
}

export function signedOutPage(lang: Lang): string {
  return page(lang, t(lang, 'signOutTitle'), `<h1>${t(lang, 'signedOut')}</h1><p><a href="/">Five Haves</a></p>`);
}

export function errorPage(lang: Lang, message: string): string {
  return page(lang, t(lang, 'errorTitle'), `<h1>${t(lang, 'errorTitle')}</h1><p>${escape(message)}</p><p><a href="/">Five Haves</a></p>`);
}
