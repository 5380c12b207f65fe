import { createHash } from 'node:crypto';
import { DISTRICTS } from '../../../kernel/places.ts';
import type { LocalAccount } from './accounts.ts';

/**
 * The local provider's interaction pages, in Chinese (the default) or English as the app asked
 * (`ui_locales`). Plain server-rendered HTML: labelled fields, an error summary that links to each
 * field, buttons that say what they do, and a strict CSP (the one style block by its hash).
 */
export type Lang = 'zh-CN' | 'en';

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
  registerIntro: {
    'zh-CN': '居民可以自行注册。我们会向你的电子邮箱发送验证码。官员账号由管理员创建。',
    en: 'Residents register themselves. We send a code to your e-mail address. Officials’ accounts are created by administrators.',
  },
  email: { 'zh-CN': '电子邮箱', en: 'E-mail address' },
  name: { 'zh-CN': '姓名', en: 'Name' },
  community: { 'zh-CN': '所在社区', en: 'Your community' },
  communityHint: { 'zh-CN': '从本区的社区名单中选择', en: 'Choose from the district’s list of communities' },
  sendCode: { 'zh-CN': '发送验证码', en: 'Send the code' },
  verify: { 'zh-CN': '验证电子邮箱', en: 'Verify your e-mail address' },
  verifyIntro: { 'zh-CN': '我们已向 {email} 发送了 6 位验证码。', en: 'We sent a 6-digit code to {email}.' },
  mailbox: { 'zh-CN': '本地邮箱', en: 'the local mailbox' },
  code: { 'zh-CN': '验证码', en: 'Code' },
  confirm: { 'zh-CN': '验证并登录', en: 'Verify and sign in' },
  back: { 'zh-CN': '返回登录', en: 'Back to sign in' },
  problem: { 'zh-CN': '有问题需要处理', en: 'There is a problem' },
  emailInvalid: { 'zh-CN': '请输入有效的电子邮箱，例如 name@example.com', en: 'Enter an e-mail address such as name@example.com' },
  emailTaken: { 'zh-CN': '这个电子邮箱已经注册，请直接登录', en: 'This e-mail address is already registered: sign in instead' },
  nameMissing: { 'zh-CN': '请输入姓名（不超过 100 个字）', en: 'Enter your name (at most 100 characters)' },
  communityMissing: { 'zh-CN': '请从名单中选择社区', en: 'Choose a community from the list' },
  codeWrong: { 'zh-CN': '验证码不正确或已过期', en: 'The code is wrong or has expired' },
  codeTooMany: { 'zh-CN': '尝试次数过多，请重新注册', en: 'Too many tries: register again' },
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

export interface FieldError {
  field: string;
  message: Key;
}

function summary(lang: Lang, errors: readonly FieldError[]): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => `<li><a href="#${e.field}">${t(lang, e.message)}</a></li>`).join('');
  return `<div class="summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">${t(lang, 'problem')}</h2><ul>${items}</ul></div>`;
}

const fieldError = (lang: Lang, errors: readonly FieldError[], field: string) => {
  const error = errors.find((e) => e.field === field);
  return error ? `<span class="error" id="${field}-error">${t(lang, error.message)}</span>` : '';
};
const describedBy = (errors: readonly FieldError[], field: string, hint?: string) => {
  const ids = [hint, errors.some((e) => e.field === field) ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ` aria-describedby="${ids.join(' ')}"` : '';
};

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
<p><a href="/oidc/interaction/${uid}/register?lang=${lang}">${t(lang, 'register')}</a></p>
<h2>${t(lang, 'seeded')}</h2><ul class="accounts">${seeded.map((a) => accountButton(lang, uid, a)).join('')}</ul>
${registered.length ? `<h2>${t(lang, 'registered')}</h2><ul class="accounts">${registered.map((a) => accountButton(lang, uid, a)).join('')}</ul>` : ''}`,
    `/oidc/interaction/${uid}`,
  );
}

export interface RegistrationValues {
  email: string;
  name: string;
  community: string;
}

export function registerPage(lang: Lang, uid: string, values: RegistrationValues, errors: readonly FieldError[] = []): string {
  const options = DISTRICTS.flatMap((district) =>
    district.streets.map(
      (street) =>
        `<optgroup label="${escape(street.name[lang === 'en' ? 'en' : 'zh'])}">${street.communities
          .map(
            (c) =>
              `<option value="${c.id}"${c.id === values.community ? ' selected' : ''}>${escape(c.name[lang === 'en' ? 'en' : 'zh'])}</option>`,
          )
          .join('')}</optgroup>`,
    ),
  ).join('');
  const invalid = (field: string) => (errors.some((e) => e.field === field) ? ' aria-invalid="true"' : '');
  return page(
    lang,
    t(lang, 'register'),
    `<h1>${t(lang, 'register')}</h1>${summary(lang, errors)}<p>${t(lang, 'registerIntro')}</p>
<form method="post" action="/oidc/interaction/${uid}/register" novalidate>
<input type="hidden" name="lang" value="${lang}">
<label for="email">${t(lang, 'email')}</label>${fieldError(lang, errors, 'email')}
<input id="email" name="email" type="email" autocomplete="email" value="${escape(values.email)}"${invalid('email')}${describedBy(errors, 'email')}>
<label for="name">${t(lang, 'name')}</label>${fieldError(lang, errors, 'name')}
<input id="name" name="name" autocomplete="name" value="${escape(values.name)}"${invalid('name')}${describedBy(errors, 'name')}>
<label for="community">${t(lang, 'community')}<span class="hint" id="community-hint">${t(lang, 'communityHint')}</span></label>${fieldError(lang, errors, 'community')}
<select id="community" name="community"${invalid('community')}${describedBy(errors, 'community', 'community-hint')}><option value=""></option>${options}</select>
<button type="submit">${t(lang, 'sendCode')}</button>
</form>
<p><a href="/oidc/interaction/${uid}?lang=${lang}">${t(lang, 'back')}</a></p>`,
    `/oidc/interaction/${uid}/register`,
  );
}

export function verifyPage(lang: Lang, uid: string, email: string, errors: readonly FieldError[] = []): string {
  const invalid = errors.length ? ' aria-invalid="true"' : '';
  return page(
    lang,
    t(lang, 'verify'),
    `<h1>${t(lang, 'verify')}</h1>${summary(lang, errors)}
<p>${t(lang, 'verifyIntro', { email })} (<a href="/_local/mail">${t(lang, 'mailbox')}</a>)</p>
<form method="post" action="/oidc/interaction/${uid}/verify" novalidate>
<input type="hidden" name="lang" value="${lang}">
<label for="code">${t(lang, 'code')}</label>${fieldError(lang, errors, 'code')}
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"${invalid}${describedBy(errors, 'code')}>
<button type="submit">${t(lang, 'confirm')}</button>
</form>
<p><a href="/oidc/interaction/${uid}?lang=${lang}">${t(lang, 'back')}</a></p>`,
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

export function mailText(lang: Lang, code: string): { subject: string; text: string } {
  return lang === 'en'
    ? { subject: `Your Five Haves code: ${code}`, text: `Your code is ${code}. It is valid for 10 minutes.\nIf you did not register, ignore this e-mail.` }
    : { subject: `五有平台验证码：${code}`, text: `你的验证码是 ${code}，10 分钟内有效。\n如果不是你本人注册，请忽略此邮件。` };
}
