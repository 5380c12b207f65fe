import { consume, eventsHandler } from '../../../kernel/consumer.ts';
import { ConsentRecorded } from '../../authority/events.ts';
import { settleAppointment } from '../domain/appointment.ts';
import { RecruitmentStore } from '../store.ts';

const recruitment = new RecruitmentStore();

export const handler = eventsHandler({
  service: 'recruitment',
  store: recruitment.store,
  consumers: [
    consume(ConsentRecorded, async (consent, { cause }) => {
      const appointment = await recruitment.appointment(consent.appointmentId);
      if (!appointment) {
        // Consent for a request this service never made: nothing to settle, but not to be retried.
        return { writes: [], events: [], note: `no appointment ${consent.appointmentId}; consent recorded only` };
      }
      const post = await recruitment.agencyPost(appointment.street, appointment.department);
      if (!post) throw new Error(`agency post of appointment ${appointment.id} is missing`);
      const change = settleAppointment(appointment, post, consent, cause);
      if ('ignored' in change) return { writes: [], events: [], note: change.ignored };
      return recruitment.appointmentCommit(change);
    }),
  ],
});
