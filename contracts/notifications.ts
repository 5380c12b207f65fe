/**
 * The notifications service publishes no events: what it does (a note in someone's inbox, an
 * e-mail) is the end of a flow, not the start of another. Its history is its notes and reminders,
 * each written once by a conditional key. The event catalog reads this module like every service's contract.
 */
export {};
