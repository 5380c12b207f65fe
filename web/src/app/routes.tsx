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
export const CompanyPage = named(() => import('../features/companies/routes/CompanyPage.tsx'), 'CompanyPage');
export const Callback = named(() => import('../features/auth/routes/Callback.tsx'), 'Callback');
export const Me = named(() => import('../features/auth/routes/Me.tsx'), 'Me');

export const StreetIssues = named(() => import('../features/street/routes/StreetIssues.tsx'), 'StreetIssues');
export const DepartmentInbox = named(() => import('../features/department/routes/DepartmentInbox.tsx'), 'DepartmentInbox');
export const DepartmentPerformance = named(() => import('../features/department/routes/DepartmentPerformance.tsx'), 'DepartmentPerformance');
export const DepartmentNominations = named(() => import('../features/department/routes/DepartmentNominations.tsx'), 'DepartmentNominations');
export const CommitteeConsents = named(() => import('../features/committee/routes/CommitteeConsents.tsx'), 'CommitteeConsents');
export const CommunitySites = named(() => import('../features/community/routes/CommunitySites.tsx'), 'CommunitySites');
export const SitePage = named(() => import('../features/community/routes/SitePage.tsx'), 'SitePage');
export const CommunityWork = named(() => import('../features/community/routes/CommunityWork.tsx'), 'CommunityWork');
export const StreetScorecard = named(() => import('../features/street/routes/StreetScorecard.tsx'), 'StreetScorecard');
export const CommitteeOpinions = named(() => import('../features/committee/routes/CommitteeOpinions.tsx'), 'CommitteeOpinions');
export const StreetStaff = named(() => import('../features/street/routes/StreetStaff.tsx'), 'StreetStaff');
