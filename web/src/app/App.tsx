import { Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorView } from '../components/ErrorView.tsx';
import { Layout } from '../components/Layout.tsx';
import { Loading } from '../components/Page.tsx';
import { I18nProvider } from '../i18n/index.tsx';
import * as page from './routes.tsx';

/** The app: its languages, its frame, and a route per page (officials' consoles join this table). */
export function App() {
  return (
    <I18nProvider>
      <Layout>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={page.JobBoard} />
            <Route path="/jobs/:id" component={page.PositionPage} />
            <Route path="/jobs/:id/apply" component={page.ApplyPage} />
            <Route path="/me/applications" component={page.MyApplications} />
            <Route path="/powers" component={page.StreetPowers} />
            <Route path="/access-list" component={page.AccessList} />
            <Route path="/rankings" component={page.Rankings} />
            <Route path="/open-data" component={page.OpenData} />
            <Route path="/companies/:id" component={page.CompanyPage} />
            <Route path="/rooms" component={page.Rooms} />
            <Route path="/rooms/:id" component={page.RoomWeek} />
            <Route path="/auth/callback" component={page.Callback} />
            <Route path="/me" component={page.Me} />
            <Route path="/inbox" component={page.Inbox} />
            <Route path="/register" component={page.Register} />
            <Route path="/organization/plan" component={page.PlanPage} />
            <Route path="/organization/positions" component={page.Positions} />
            <Route path="/organization/positions/:id" component={page.PositionOffice} />
            <Route path="/finance/requests" component={page.FundingRequests} />
            <Route path="/district/meetings" component={page.Meetings} />
            <Route path="/district/meetings/:id" component={page.MeetingPage} />
            <Route path="/district/powers" component={page.PowerCatalog} />
            <Route path="/district/delegations" component={page.Delegations} />
            <Route path="/district/access-list" component={page.DistrictAccessList} />
            <Route path="/district/performance" component={page.PerformancePage} />
            <Route path="/finance/streets" component={page.StreetMoney} />
            <Route path="/street/issues" component={page.StreetIssues} />
            <Route path="/street/scorecard" component={page.StreetScorecard} />
            <Route path="/street/staff" component={page.StreetStaff} />
            <Route path="/street/premises" component={page.StreetPremises} />
            <Route path="/street/money" component={page.StreetMoney} />
            <Route path="/street/rooms" component={page.StreetRooms} />
            <Route path="/department/inbox" component={page.DepartmentInbox} />
            <Route path="/department/performance" component={page.DepartmentPerformance} />
            <Route path="/department/nominations" component={page.DepartmentNominations} />
            <Route path="/department/work" component={page.DepartmentWork} />
            <Route path="/department/evaluations" component={page.DepartmentEvaluations} />
            <Route path="/committee/consents" component={page.CommitteeConsents} />
            <Route path="/committee/opinions" component={page.CommitteeOpinions} />
            <Route path="/committee/assessments" component={page.CommitteeAssessments} />
            <Route path="/community/sites" component={page.CommunitySites} />
            <Route path="/community/sites/:id" component={page.SitePage} />
            <Route path="/community/work" component={page.CommunityWork} />
            <Route>
              <ErrorView error="not-found" />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </I18nProvider>
  );
}
