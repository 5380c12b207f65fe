import { lazy } from 'react';

/**
 * The app's pages, each loaded when first visited (its own chunk): the first page carries React,
 * the shell and itself, nothing of the others.
 */
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

export const JobBoard = named(() => import('../features/jobs/routes/JobBoard.tsx'), 'JobBoard');
export const PositionPage = named(() => import('../features/jobs/routes/PositionPage.tsx'), 'PositionPage');
export const ApplyPage = named(() => import('../features/applications/routes/ApplyPage.tsx'), 'ApplyPage');
export const MyApplications = named(() => import('../features/applications/routes/MyApplications.tsx'), 'MyApplications');
export const StreetPowers = named(() => import('../features/powers/routes/StreetPowers.tsx'), 'StreetPowers');
export const AccessList = named(() => import('../features/access-list/routes/AccessList.tsx'), 'AccessList');
export const Rooms = named(() => import('../features/bookings/routes/Rooms.tsx'), 'Rooms');
export const RoomWeek = named(() => import('../features/bookings/routes/RoomWeek.tsx'), 'RoomWeek');
export const Rankings = named(() => import('../features/rankings/routes/Rankings.tsx'), 'Rankings');
export const OpenData = named(() => import('../features/open-data/routes/OpenData.tsx'), 'OpenData');
export const CompanyPage = named(() => import('../features/companies/routes/CompanyPage.tsx'), 'CompanyPage');
export const Callback = named(() => import('../features/auth/routes/Callback.tsx'), 'Callback');
export const Me = named(() => import('../features/auth/routes/Me.tsx'), 'Me');
export const Register = named(() => import('../features/auth/routes/Register.tsx'), 'Register');
