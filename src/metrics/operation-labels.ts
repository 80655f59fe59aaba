/** Labels that no GraphQL operation can be named (names are `[_A-Za-z][_0-9A-Za-z]*`), so they never collide with one. */
export const ANONYMOUS = '(anonymous)';
export const UNKNOWN = '(unknown)';
export const OTHER = '(other)';

/**
 * Turns operation names into metric labels while keeping the number of series bounded. Operation names are chosen by
 * clients, so an attacker can send a new one with every request: only the first `limit` distinct names of operations
 * that parsed and validated get a label of their own, later ones share `(other)`. A flood of made-up names can take
 * those places before the real clients do, but it can never grow the registry.
 */
export class OperationLabels {
  private readonly named = new Set<string>();

  constructor(private readonly limit: number) {}

  /**
   * The label of a request: its operation's name, `(anonymous)` for an unnamed operation, `(unknown)` when no
   * operation was resolved (a parse or validation failure, a request refused before GraphQL ran).
   */
  label(operation: { readonly name: string | null } | undefined): string {
    if (!operation) return UNKNOWN;
    const { name } = operation;
    if (!name) return ANONYMOUS;
    if (this.named.has(name)) return name;
    if (this.named.size >= this.limit) return OTHER;
    this.named.add(name);
    return name;
  }
}
