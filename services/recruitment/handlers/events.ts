import { eventsHandler } from '../../../kernel/consumer.ts';
import { consumers } from '../consumers.ts';
import { noteConsentCase, settleAppointment } from '../appointments/domain.ts';
import { AppointmentStore } from '../appointments/store.ts';
import { StaffStore } from '../staff/store.ts';
import { recruitmentTable } from '../table.ts';

const appointments = new AppointmentStore(recruitmentTable);
const staff = new StaffStore(recruitmentTable);

export const handler = eventsHandler({
  service: 'recruitment',
  store: recruitmentTable,
  consumers,
  reactions: {
    // The case is open: the appointment shows it at once, before any decision.
    ConsentCaseOpened: async (opened, { cause }) => {
      const appointment = await appointments.appointment(opened.appointmentId);
      if (!appointment) {
        return { writes: [], events: [], note: `no appointment ${opened.appointmentId}; consent case not noted` };
      }
      const change = noteConsentCase(appointment, opened, cause);
      if ('ignored' in change) return { writes: [], events: [], note: change.ignored };
      return appointments.consentCaseCommit(change);
    },

    ConsentRecorded: async (consent, { cause }) => {
      const appointment = await appointments.appointment(consent.appointmentId);
      if (!appointment) {
        // Consent for a request this service never made: nothing to settle, but not to be retried.
        return { writes: [], events: [], note: `no appointment ${consent.appointmentId}; consent recorded only` };
      }
      const post = await appointments.agencyPost(appointment.street, appointment.department);
      if (!post) throw new Error(`agency post of appointment ${appointment.id} is missing`);
      const change = settleAppointment(appointment, post, consent, cause);
      if ('ignored' in change) return { writes: [], events: [], note: change.ignored };
      return appointments.appointmentCommit(change);
    },

    // The street's assessment of a member joins the member's record (read with GET /recruitment/staff/{id}).
    AssessmentRecorded: async (assessment) => {
      const member = await staff.member(assessment.staffId);
      if (!member) {
        // Someone not on this roster (not hired through recruitment): nothing to join it to, and no retry would help.
        return { writes: [], events: [], note: `no staff member ${assessment.staffId}; assessment not joined` };
      }
      return { writes: [staff.assessmentWrite(member.id, assessment)], events: [] };
    },
  },
});
