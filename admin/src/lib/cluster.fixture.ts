import type { ClusterMember } from './types';

/** A member as the store reports one, Up and reachable unless told otherwise: for tests. */
export function aMember(address: string, over: Partial<ClusterMember> = {}): ClusterMember {
  return {
    address,
    status: 'Up',
    reachable: true,
    roles: ['dc-default'],
    self: false,
    shards: 0,
    entities: {},
    statsComplete: true,
    ...over,
  };
}
