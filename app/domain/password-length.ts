// A password's length limits, without the schema (and zod) that applies them: the account page shows
// them in the browser; app/domain/password.ts checks them on the server.
export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 128
