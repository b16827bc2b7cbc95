import type { ClusterMember } from './types';

/** Pekko names the entity kind of a sharded daemon process (a projection here) with this prefix. */
const DAEMON_PREFIX = 'sharded-daemon-process-';

export interface Kinds {
  /** The business entities' kinds: Cart, Product, ... */
  entities: string[];
  /** The projections, by their own name (cart-summary, ...), each with its kind. */
  projections: { name: string; kind: string }[];
}

/** The kinds the store reports, business entities apart from the projections that run as daemons. */
export function splitKinds(kinds: string[]): Kinds {
  const sorted = [...kinds].sort((a, b) => a.localeCompare(b));
  return {
    entities: sorted.filter((k) => !k.startsWith(DAEMON_PREFIX)),
    projections: sorted
      .filter((k) => k.startsWith(DAEMON_PREFIX))
      .map((kind) => ({ name: kind.slice(DAEMON_PREFIX.length), kind })),
  };
}

/** The projections running on the member: those whose daemon has a live instance there. */
export function projectionsOn(member: ClusterMember, projections: Kinds['projections']): string[] {
  return projections.filter((p) => (member.entities[p.kind] ?? 0) > 0).map((p) => p.name);
}

/** A count, or a dash when the member's statistics for it did not come. */
export function formatCount(count: number | undefined): string {
  return count === undefined ? '—' : count.toLocaleString('en-US');
}

/** "127.0.0.1:7355" from "pekko://monostore@127.0.0.1:7355": the host and port that tell nodes apart. */
export function hostAndPort(address: string | null | undefined): string {
  if (!address) return '—';
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : address;
}

/**
 * The kind's live entities over all members, and whether that is all of them: false when some
 * member's statistics for it did not come in time.
 */
export function totalOf(
  members: ClusterMember[],
  kind: string,
): { count: number; complete: boolean } {
  const counts = members.map((m) => m.entities[kind]);
  return {
    count: counts.reduce<number>((sum, n) => sum + (n ?? 0), 0),
    complete: counts.every((n) => n !== undefined),
  };
}
