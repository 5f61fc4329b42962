/**
 * The password's length bound, apart from the rule itself (password-policy.ts): route schemas
 * need it at start-up, the rule's zxcvbn dictionaries load only when a password is checked.
 */
export const PASSWORD_MAX_LENGTH = 128
