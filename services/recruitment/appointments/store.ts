import type { DomainEvent } from '../../../kernel/events.ts';
import { putNew, putVersioned, type Commit, type Store } from '../../../kernel/store.ts';
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

  /** Appointment and post move together with their events, or not at all. */
  appointmentCommit(change: AppointmentChange): Commit {
    const { appointment, post } = change;
    const appointmentItem = this.appointmentItem(appointment);
    const postItem = { ...keys.agencyPost(post.street, post.department), itemType: 'agency-post', ...post };
    return {
      writes: [
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
