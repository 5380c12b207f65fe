/** Key builders of the recruitment table. */
export const keys = {
  appointment: (id: string) => ({ pk: `APPOINTMENT#${id}`, sk: 'STATE' }),
  /** The head-of-agency post a department keeps in a street: who holds it, what is pending. */
  agencyPost: (street: string, department: string) => ({ pk: `AGENCYPOST#${street}#${department}`, sk: 'STATE' }),
  appointmentsOfStreet: (street: string) => `APPOINTMENTS#${street}`,
};
