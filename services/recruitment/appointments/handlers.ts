import { ulid } from 'ulid';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../../kernel/errors.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { requestAppointment, type Appointment } from './domain.ts';
import type { appointmentRoutes } from './routes.ts';
import { AppointmentStore } from './store.ts';

/** An appointment as its readers see it: the version is the store's concurrency check, not theirs. */
function appointmentView(appointment: Appointment) {
  const { version: _version, ...view } = appointment;
  return view;
}

export function appointmentHandlers(table: Store): RouteHandlers<typeof appointmentRoutes> {
  const appointments = new AppointmentStore(table);
  return {
    async requestAppointment({ body, principal, ctx }) {
      const department = principal.department;
      if (!department) throw new ForbiddenError('A nomination needs the custom:department claim of the department.');
      ctx.authorize({ jurisdiction: body.street, department });
      const post = await appointments.agencyPost(body.street, department);
      const change = requestAppointment({ id: ulid(), department, ...body }, post, ctx.cause);
      return ctx.commit(appointments.appointmentCommit(change), { statusCode: 202, body: appointmentView(change.appointment) });
    },

    async listAppointments({ query, principal, ctx }) {
      const department = query.department ?? principal.department;
      if (!department) {
        throw new BadRequestError('Name the department whose nominations to list.', [{ field: 'query.department', message: 'required for callers who are not a department' }]);
      }
      const district = query.district ?? districtOf(principal.jurisdiction);
      ctx.authorize({ jurisdiction: district, department });
      const page = await appointments.ofDepartment(district, department, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
      return { statusCode: 200, body: { ...page, items: page.items.map(appointmentView) } };
    },

    async getAppointment({ params, ctx }) {
      const appointment = await appointments.appointment(params.id);
      if (!appointment) throw new NotFoundError(`No appointment ${params.id}.`);
      ctx.authorize({ jurisdiction: appointment.street, department: appointment.department });
      return { statusCode: 200, body: appointmentView(appointment) };
    },
  };
}
