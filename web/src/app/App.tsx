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
            <Route path="/register" component={page.Register} />
            <Route>
              <ErrorView error="not-found" />
            </Route>
          </Switch>
        </Suspense>
      </Layout>
    </I18nProvider>
  );
}
