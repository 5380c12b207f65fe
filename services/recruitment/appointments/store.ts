import type { DomainEvent } from '../../../kernel/events.ts';
import { rangePage } from '../../../kernel/range-page.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { putNew, putVersioned, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { AgencyPost, Appointment, AppointmentChange } from './domain.ts';

/** Appointments and agency posts in the recruitment table. */
export class AppointmentStore {
  constructor(readonly table: Store) {}

  async appointment(id: string): Promise<Appointment | undefined> {
    const item = await this.table.get<Stored<Appointment>>(keys.appointment(id));
    return item && strip(item);
  }

  async agencyPost(street: string, department: string): Promise<AgencyPost | undefined> {
    const item = await this.table.get<Stored<AgencyPost>>(keys.agencyPost(street, department));
    return item && strip(item);
  }

  /**
   * A department's nominations in a district, newest first: a page of its entries, each read
   * through to the appointment (so a status the saga changed since is the current one).
   */
  async ofDepartment(district: string, department: string, query: { limit: number; cursor?: string }): Promise<Page<Appointment>> {
    const page = await rangePage<{ pk: string; sk: string; appointmentId: string }>(this.table, {
      partition: keys.appointmentsOfDepartment(district, department),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const items = await Promise.all(page.items.map((entry) => this.appointment(entry.appointmentId)));
    return { ...page, items: items.filter((a): a is Appointment => a !== undefined) };
  }

  /** Appointment and post move together with their events, or not at all; a new one joins its department's list. */
  appointmentCommit(change: AppointmentChange): Commit {
    const { appointment, post } = change;
    const appointmentItem = this.appointmentItem(appointment);
    const postItem = { ...keys.agencyPost(post.street, post.department), itemType: 'agency-post', ...post };
    const entry = {
      ...keys.appointmentEntry(districtOf(appointment.street), appointment.department, appointment.requestedAt, appointment.id),
      itemType: 'appointment-entry',
      appointmentId: appointment.id,
    };
    return {
      writes: [
        ...(appointment.version === 1 ? [putNew(entry, `Appointment ${appointment.id} is already listed.`)] : []),
        appointment.version === 1
          ? putNew(appointmentItem, `Appointment ${appointment.id} already exists.`)
          : putVersioned(appointmentItem, `Appointment ${appointment.id} changed meanwhile.`),
        post.version === 1
          ? putNew(postItem, 'Another appointment for this agency was requested at the same time.')
          : putVersioned(postItem, 'The agency post changed meanwhile; another request came first.'),
      ],
      events: change.events,
    };
  }

  /** The consent case noted on the appointment alone (the post does not change). */
  consentCaseCommit(change: { appointment: Appointment; events: DomainEvent[] }): Commit {
    const { appointment } = change;
    return {
      writes: [putVersioned(this.appointmentItem(appointment), `Appointment ${appointment.id} changed meanwhile.`)],
      events: change.events,
    };
  }

  private appointmentItem(appointment: Appointment) {
    return {
      ...keys.appointment(appointment.id),
      itemType: 'appointment',
      gsi1pk: keys.appointmentsOfStreet(appointment.street),
      gsi1sk: `${appointment.requestedAt}#${appointment.id}`,
      ...appointment,
    };
  }
}
