/** The planner's name, sent as x-author and remembered on this browser so it is typed once. */
const KEY = 'ssc-monitor.author';

export function loadAuthor(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return storage?.getItem(KEY) ?? '';
  } catch {
    // Storage can be disabled (private windows, policies): the field then simply starts empty.
    return '';
  }
}

export function saveAuthor(
  name: string,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(KEY, name);
  } catch {
    // Not remembered is acceptable; the name is still sent with this change.
  }
}
