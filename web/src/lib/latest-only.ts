/**
 * Orders outcomes that may arrive out of order. Each call of the returned `begin` supersedes every
 * earlier one; the `isCurrent` it returns says whether no later `begin` has happened since, so a
 * slow answer to an old question is dropped instead of overwriting a newer one.
 */
export function latestOnly(): () => () => boolean {
  let newest = 0;
  return () => {
    newest += 1;
    const ticket = newest;
    return () => ticket === newest;
  };
}
