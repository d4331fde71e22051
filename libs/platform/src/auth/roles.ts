/**
 * Who may do what. A court node's people are clerks (send requests and follow them), handlers
 * (work the tasks other courts sent) and court admins (both, plus accounts and dead letters);
 * the monitor's are command-centre admins, who read across every court.
 */
export const ROLES = ['clerk', 'handler', 'court-admin', 'command-centre-admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a court node's accounts can have. */
export const COURT_ROLES: readonly Role[] = ['clerk', 'handler', 'court-admin'];
/** The roles the monitor's accounts can have. */
export const COMMAND_CENTRE_ROLES: readonly Role[] = ['command-centre-admin'];
