// The error an adapter throws when checkChange refuses a change. A module of its own so that the pane's
// start, which only recognises it (host/office-controller.ts), does not carry the check itself.

/** Why a change was not applied, in Chinese; nothing of it was written. */
export class ChangeRefused extends Error {
  constructor(reason: string) {
    super(`${reason}；本次未写入任何内容。`);
    this.name = "ChangeRefused";
  }
}
