import { waitFor } from '../../infra/local/wait.ts';
import type { TestCloud } from './cloud.ts';

/** The steps of the appointment saga, as the tests drive it through the local gateway. */
export const nomination = {
  street: 'D01/S03',
  agency: 'Market supervision station S03',
  nominee: { name: 'Wang Li' },
  reason: 'The former head retired.',
};

export interface SagaTokens {
  department: string;
  committee: string;
}

export async function sagaTokens(t: TestCloud, department = 'market-supervision'): Promise<SagaTokens> {
  return {
    department: await t.token({ roles: ['department'], jurisdiction: 'D01', department }),
    committee: await t.token({ roles: ['street-committee'], jurisdiction: 'D01/S03' }),
  };
}

/** POST /recruitment/appointments; returns the response. */
export function nominate(t: TestCloud, token: string, body: object = nomination) {
  return t.api('POST', '/recruitment/appointments', { token, body });
}

/** The consent case the AppointmentRequested event opened, once it is there. */
export function consentCaseFor(t: TestCloud, committee: string, appointmentId: string, status = 'pending') {
  return waitFor(`the consent case of ${appointmentId}`, async () => {
    const list = await t.api('GET', `/authority/consents?status=${status}&limit=100`, { token: committee });
    return (list.body.items as Array<Record<string, any>>).find((c) => c.appointmentId === appointmentId);
  });
}

/** The appointment once the street's decision has reached recruitment. */
export function settledAppointment(t: TestCloud, token: string, appointmentId: string) {
  return waitFor(`appointment ${appointmentId} to settle`, async () => {
    const current = await t.api('GET', `/recruitment/appointments/${appointmentId}`, { token });
    return current.body.status === 'awaiting-consent' ? undefined : (current.body as Record<string, any>);
  });
}

/** Waits until the bus has accepted an event of this type that mentions `id`. */
export function published(t: TestCloud, detailType: string, id: string) {
  return waitFor(`${detailType} about ${id} on the bus`, async () =>
    t.published.find((e) => e['detail-type'] === detailType && JSON.stringify(e.detail).includes(id)),
  );
}

/** Waits until no queue holds a message due or in delivery. */
export function drained(t: TestCloud) {
  return waitFor('the bus to drain', async () => ((await t.cloud.bus.isDrained()) ? true : undefined));
}
