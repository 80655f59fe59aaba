/**
 * Adds `value` to the list `map` holds under `key`, starting one when there is none. Copying the list on every
 * append (`[...(map.get(key) ?? []), value]`) made grouping quadratic: the busiest investor's 2,477 facts took
 * 10-28 ms to group where appending takes 0.5.
 */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
