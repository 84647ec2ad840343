// A file or command line the user can fix (wrong path, a format we cannot read, too large): one clear
// Chinese line, never a stack trace. The CLI exits 2 with it; the pane lists it beside the file.

export class UserError extends Error {}
