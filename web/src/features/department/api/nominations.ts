import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type Appointment = paths['/recruitment/appointments/{id}']['get']['responses'][200]['content']['application/json'];
export type AppointmentPage = paths['/recruitment/appointments']['get']['responses'][200]['content']['application/json'];
export type NominationRequest = paths['/recruitment/appointments']['post']['requestBody']['content']['application/json'];

/** The caller's department's nominations in its district, newest first. */
export async function nominations(cursor?: string): Promise<AppointmentPage> {
  return call(api().GET('/recruitment/appointments', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));
}

export async function appointment(id: string): Promise<Appointment> {
  return call(api().GET('/recruitment/appointments/{id}', { params: { path: { id } } }));
}

/** Nominate (or ask to remove) an agency head: 202, awaiting the street committee's written consent. */
export async function nominate(body: NominationRequest, idempotencyKey: string): Promise<Appointment> {
  return call(api().POST('/recruitment/appointments', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}
