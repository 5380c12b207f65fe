/** Key builders of the authority table. */
export const keys = {
  consentCase: (id: string) => ({ pk: `CONSENT#${id}`, sk: 'STATE' }),
  consentsOfStreet: (street: string, status: string) => `CONSENTS#${street}#${status}`,
};
