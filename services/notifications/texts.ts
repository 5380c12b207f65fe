import * as z from 'zod/mini';

/** What a notification is about: each kind has its texts, and its own e-mail preference. */
export const KINDS = [
  'whistle-raised',
  'whistle-reminder',
  'whistle-escalated',
  'consent-opened',
  'consent-reminder',
  'application-screened',
  'application-hired',
  'application-not-selected',
  'booking-made',
  'booking-cancelled',
  'meeting-convened',
  'funding-request-opened',
  'decision-reminder',
] as const;
export type Kind = (typeof KINDS)[number];
export const KindSchema = z.enum(KINDS);

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = z.enum(LANGUAGES);

/** The facts a notification's texts are made from: short strings, as the event carried them. */
export type Facts = Record<string, string>;

interface Text {
  title: string;
  body: string;
}

/** China Standard Time, as the offices read a time: `2026-12-01 09:30`. */
export function officeTime(instant: string): string {
  const t = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

const zh: Record<Kind, (f: Facts) => Text> = {
  'whistle-raised': (f) => ({
    title: `吹哨：${f.street} 需要 ${f.department} 报到`,
    body: `${f.street} 就“${f.description}”（${f.location}）吹哨。请在 ${f.responseDueBy} 前报到，${f.resolutionDueBy} 前办结。`,
  }),
  'whistle-reminder': (f) => ({
    title: `提醒：吹哨事项将于 ${f.dueBy} ${f.deadline === 'response' ? '到报到时限' : '到办结时限'}`,
    body: `${f.street} 的吹哨事项“${f.description}”尚待 ${f.department} ${f.deadline === 'response' ? '报到' : '办结'}，时限 ${f.dueBy}。`,
  }),
  'whistle-escalated': (f) => ({
    title: `吹哨事项已上报联席会议（${f.reason === 'response-overdue' ? '报到超时' : '办结超时'}）`,
    body: `${f.street} 的吹哨事项已于 ${f.escalatedAt} 上报联席会议：${f.department} 未在 ${f.dueBy} 前${f.reason === 'response-overdue' ? '报到' : '办结'}。`,
  }),
  'consent-opened': (f) => ({
    title: `待表决：${f.department} 的任免事项征求 ${f.street} 意见`,
    body: `${f.department} 的人事任免事项需要街道党工委书面意见，时限 ${f.dueBy}。`,
  }),
  'consent-reminder': (f) => ({
    title: `提醒：任免事项征求意见将于 ${f.dueBy} 到期`,
    body: `${f.department} 的人事任免事项仍待 ${f.street} 书面意见，还有 3 个工作日，时限 ${f.dueBy}。`,
  }),
  'application-screened': (f) => ({
    title: f.outcome === 'eligible' ? '您的报名已通过资格审查' : '您的报名未通过资格审查',
    body: f.outcome === 'eligible' ? `您报名的岗位（${f.positionId}）资格审查已通过，请留意考试安排。` : `您报名的岗位（${f.positionId}）资格审查未通过：${f.failedRules}。`,
  }),
  'application-hired': (f) => ({
    title: `恭喜：您已被录用为 ${f.positionTitle}`,
    body: `您已被 ${f.street} 录用为“${f.positionTitle}”（名次 ${f.rank}）。`,
  }),
  'application-not-selected': (f) => ({
    title: '招聘结果：您本次未被录用',
    body: `您报名的岗位（${f.positionId}）已完成招聘，您本次未被录用。感谢您的参与。`,
  }),
  'booking-made': (f) => ({
    title: `预约成功：${f.startsAt}`,
    body: `您已预约 ${f.street} 的场地，时间 ${f.startsAt} 至 ${f.endsAt}，${f.attendees} 人。附件为日历邀请。`,
  }),
  'booking-cancelled': (f) => ({
    title: `预约已取消：${f.startsAt}`,
    body: `您在 ${f.street} 的场地预约（${f.startsAt} 至 ${f.endsAt}）已取消。`,
  }),
  'meeting-convened': (f) => ({
    title: `联席会议：${f.title}，${f.startsAt}`,
    body: `联席会议“${f.title}”定于 ${f.startsAt} 至 ${f.endsAt} 召开，地点：${f.venue}。附件为日历邀请。`,
  }),
  'funding-request-opened': (f) => ({
    title: `待审批：${f.street} 的资金申请 ${f.amount} 元`,
    body: `${f.street} 申请资金 ${f.amount} 元，用途：${f.purpose}。请审批。`,
  }),
  'decision-reminder': (f) => ({
    title: `提醒：联席会议决定“${f.title}”将于 ${f.deadline} 到期`,
    body: `${f.ownerDepartment} 承办的联席会议决定“${f.title}”时限为 ${f.deadline}，还有 3 个工作日。`,
  }),
};

const en: Record<Kind, (f: Facts) => Text> = {
  'whistle-raised': (f) => ({
    title: `Whistle: ${f.street} calls ${f.department} to report in`,
    body: `${f.street} blew the whistle on "${f.description}" (${f.location}). Report in by ${f.responseDueBy} and resolve it by ${f.resolutionDueBy}.`,
  }),
  'whistle-reminder': (f) => ({
    title: `Reminder: a whistle's ${f.deadline === 'response' ? 'report-in' : 'resolution'} deadline is ${f.dueBy}`,
    body: `The whistle of ${f.street} on "${f.description}" still waits for ${f.department} to ${f.deadline === 'response' ? 'report in' : 'resolve it'}, by ${f.dueBy}.`,
  }),
  'whistle-escalated': (f) => ({
    title: `A whistle went to the joint meeting (${f.reason === 'response-overdue' ? 'report-in overdue' : 'resolution overdue'})`,
    body: `The whistle of ${f.street} was escalated at ${f.escalatedAt}: ${f.department} did not ${f.reason === 'response-overdue' ? 'report in' : 'resolve it'} by ${f.dueBy}.`,
  }),
  'consent-opened': (f) => ({
    title: `To decide: ${f.department} asks ${f.street}'s consent to an appointment`,
    body: `An appointment of ${f.department} needs the street committee's written decision by ${f.dueBy}.`,
  }),
  'consent-reminder': (f) => ({
    title: `Reminder: a consent case is due ${f.dueBy}`,
    body: `The appointment of ${f.department} still waits for ${f.street}'s written decision: 3 working days left, due ${f.dueBy}.`,
  }),
  'application-screened': (f) => ({
    title: f.outcome === 'eligible' ? 'Your application passed screening' : 'Your application did not pass screening',
    body: f.outcome === 'eligible' ? `Your application for position ${f.positionId} passed screening; watch for the exam.` : `Your application for position ${f.positionId} did not pass screening: ${f.failedRules}.`,
  }),
  'application-hired': (f) => ({
    title: `Congratulations: you are hired as ${f.positionTitle}`,
    body: `${f.street} hired you as "${f.positionTitle}" (rank ${f.rank}).`,
  }),
  'application-not-selected': (f) => ({
    title: 'Recruitment result: not selected this time',
    body: `The position you applied for (${f.positionId}) has been filled, and you were not selected this time. Thank you for applying.`,
  }),
  'booking-made': (f) => ({
    title: `Booked: ${f.startsAt}`,
    body: `You booked a room of ${f.street} from ${f.startsAt} to ${f.endsAt} for ${f.attendees}. The calendar invitation is attached.`,
  }),
  'booking-cancelled': (f) => ({
    title: `Booking cancelled: ${f.startsAt}`,
    body: `Your booking of a room of ${f.street} (${f.startsAt} to ${f.endsAt}) is cancelled.`,
  }),
  'meeting-convened': (f) => ({
    title: `Joint meeting: ${f.title}, ${f.startsAt}`,
    body: `The joint meeting "${f.title}" meets from ${f.startsAt} to ${f.endsAt} at ${f.venue}. The calendar invitation is attached.`,
  }),
  'funding-request-opened': (f) => ({
    title: `To decide: ${f.street} asks for ¥${f.amount}`,
    body: `${f.street} asks for ¥${f.amount} for: ${f.purpose}. Please decide.`,
  }),
  'decision-reminder': (f) => ({
    title: `Reminder: the decision "${f.title}" is due ${f.deadline}`,
    body: `The joint-meeting decision "${f.title}", owned by ${f.ownerDepartment}, is due ${f.deadline}: 3 working days left.`,
  }),
};

/** A notification's title and body in the recipient's language. */
export function render(kind: Kind, facts: Facts, language: Language): Text {
  return (language === 'en' ? en : zh)[kind](facts);
}

/** The daily digest's own subject and opening line. */
export function digestText(count: number, date: string, language: Language): Text {
  return language === 'en'
    ? { title: `Five Haves: ${count} notification${count === 1 ? '' : 's'} of ${date}`, body: 'What you were told today:' }
    : { title: `五有平台：${date} 的 ${count} 条通知`, body: '今天的通知：' };
}

/** The line under every e-mail: where to read it, and how to change what is sent. */
export function footer(appUrl: string, language: Language): string {
  return language === 'en'
    ? `Your inbox: ${appUrl}/inbox\nChoose what is e-mailed to you: ${appUrl}/inbox#preferences`
    : `收件箱：${appUrl}/inbox\n设置邮件通知：${appUrl}/inbox#preferences`;
}
