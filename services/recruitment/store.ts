import { putNew, putVersioned, Store, type Commit, type Item } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';
import type { AgencyPost, Appointment, AppointmentChange } from './domain/appointment.ts';
import { keys } from './keys.ts';

type Stored<T> = T & Item & { itemType: string };

function strip<T extends object>(item: Stored<T>): T {
  const { pk: _pk, sk: _sk, itemType: _type, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item as Stored<T> & {
    gsi1pk?: string;
    gsi1sk?: string;
  };
  return rest as unknown as T;
}

/** The recruitment service's table: appointments and agency posts. */
export class RecruitmentStore {
  constructor(readonly store: Store = new Store(tableNameFromEnv('recruitment'))) {}

  async appointment(id: string): Promise<Appointment | undefined> {
    const item = await this.store.get<Stored<Appointment>>(keys.appointment(id));
    return item && strip(item);
  }

  async agencyPost(street: string, department: string): Promise<AgencyPost | undefined> {
    const item = await this.store.get<Stored<AgencyPost>>(keys.agencyPost(street, department));
    return item && strip(item);
  }

  /** Appointment and post move together with their events, or not at all. */
  appointmentCommit(change: AppointmentChange): Commit {
    const { appointment, post } = change;
    const appointmentItem = {
      ...keys.appointment(appointment.id),
      itemType: 'appointment',
      gsi1pk: keys.appointmentsOfStreet(appointment.street),
      gsi1sk: `${appointment.requestedAt}#${appointment.id}`,
      ...appointment,
    };
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
}
