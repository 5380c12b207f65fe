import { lazy } from 'react';
import { officialsReady } from '../i18n/index.tsx';

/**
 * The app's pages, each loaded when first visited (its own chunk): the first page carries React,
 * the shell and itself, nothing of the others.
 */
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

/** An official's page: its chunk and the officials' catalog (web/src/i18n/officials.*.json) together. */
const official = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  named(async () => (await Promise.all([load(), officialsReady()]))[0], name);

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
export const Inbox = named(() => import('../features/notifications/routes/Inbox.tsx'), 'Inbox');
export const Register = named(() => import('../features/auth/routes/Register.tsx'), 'Register');

// Finance (the district finance bureau).
export const FundingRequests = official(() => import('../features/finance/routes/FundingRequests.tsx'), 'FundingRequests');
export const StreetMoney = official(() => import('../features/finance/routes/StreetMoney.tsx'), 'StreetMoney');

// Organization department (recruitment).
export const PlanPage = official(() => import('../features/organization/routes/PlanPage.tsx'), 'PlanPage');
export const Positions = official(() => import('../features/organization/routes/Positions.tsx'), 'Positions');
export const PositionOffice = official(() => import('../features/organization/routes/PositionOffice.tsx'), 'PositionOffice');

// District admin (the joint-meeting office).
export const Meetings = official(() => import('../features/district/routes/Meetings.tsx'), 'Meetings');
export const MeetingPage = official(() => import('../features/district/routes/MeetingPage.tsx'), 'MeetingPage');
export const PowerCatalog = official(() => import('../features/district/routes/PowerCatalog.tsx'), 'PowerCatalog');
export const DistrictAccessList = official(() => import('../features/district/routes/DistrictAccessList.tsx'), 'DistrictAccessList');
export const Delegations = official(() => import('../features/district/routes/Delegations.tsx'), 'Delegations');
export const PerformancePage = official(() => import('../features/district/routes/PerformancePage.tsx'), 'PerformancePage');
export const StreetIssues = official(() => import('../features/street/routes/StreetIssues.tsx'), 'StreetIssues');
export const DepartmentInbox = official(() => import('../features/department/routes/DepartmentInbox.tsx'), 'DepartmentInbox');
export const DepartmentPerformance = official(() => import('../features/department/routes/DepartmentPerformance.tsx'), 'DepartmentPerformance');
export const DepartmentWork = official(() => import('../features/department/routes/DepartmentWork.tsx'), 'DepartmentWork');
export const DepartmentEvaluations = official(() => import('../features/department/routes/DepartmentEvaluations.tsx'), 'DepartmentEvaluations');
export const DepartmentNominations = official(() => import('../features/department/routes/DepartmentNominations.tsx'), 'DepartmentNominations');
export const CommitteeConsents = official(() => import('../features/committee/routes/CommitteeConsents.tsx'), 'CommitteeConsents');
export const CommunitySites = official(() => import('../features/community/routes/CommunitySites.tsx'), 'CommunitySites');
export const SitePage = official(() => import('../features/community/routes/SitePage.tsx'), 'SitePage');
export const CommunityWork = official(() => import('../features/community/routes/CommunityWork.tsx'), 'CommunityWork');
export const StreetScorecard = official(() => import('../features/street/routes/StreetScorecard.tsx'), 'StreetScorecard');
export const CommitteeOpinions = official(() => import('../features/committee/routes/CommitteeOpinions.tsx'), 'CommitteeOpinions');
export const StreetStaff = official(() => import('../features/street/routes/StreetStaff.tsx'), 'StreetStaff');
export const StreetPremises = official(() => import('../features/street/routes/StreetPremises.tsx'), 'StreetPremises');
export const CommitteeAssessments = official(() => import('../features/committee/routes/CommitteeAssessments.tsx'), 'CommitteeAssessments');
export const StreetRooms = official(() => import('../features/street/routes/StreetRooms.tsx'), 'StreetRooms');
