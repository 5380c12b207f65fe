import { ulid } from 'ulid';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors.ts';
import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { requestAppointment } from '../domain/appointment.ts';
import { routes } from '../routes.ts';
import { RecruitmentStore } from '../store.ts';

const recruitment = new RecruitmentStore();

export const handler = httpHandler({
  routes,
  store: recruitment.store,
  handlers: {
    async requestAppointment({ body, principal, ctx }) {
      const department = principal.department;
      if (!department) throw new ForbiddenError('A nomination needs the custom:department claim of the department.');
      ctx.authorize({ jurisdiction: body.street, department });
      const post = await recruitment.agencyPost(body.street, department);
      const change = requestAppointment({ id: ulid(), department, ...body }, post, ctx.cause);
      return ctx.commit(recruitment.appointmentCommit(change), { statusCode: 202, body: change.appointment });
    },

    async getAppointment({ params, ctx }) {
      const appointment = await recruitment.appointment(params.id);
      if (!appointment) throw new NotFoundError(`No appointment ${params.id}.`);
      ctx.authorize({ jurisdiction: appointment.street, department: appointment.department });
      return { statusCode: 200, body: appointment };
    },

    health: () => health('recruitment', recruitment.store),
  },
});
