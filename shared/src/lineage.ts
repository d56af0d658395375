/**
 * Unit lineage (DOMAIN §10, issue 15): after a reorganisation a unit continues a predecessor (Kanim of the former
 * Kanwil Kemenkumham → Kanim under Kanwil Ditjen Imigrasi). Its predicate history, its ZI declaration (pencanangan)
 * and a revocation ban follow it through every predecessor. Pure: callers pass what they loaded.
 */
import { holdsWbk } from './level';
import { revocationBanUntil } from './workflow';

export interface LineageNode {
  id: number;
  predecessorId: number | null;
}

/** The unit and its predecessors, the unit first, oldest last (a cycle or a missing node ends the chain). */
export function lineageChain(unitId: number, nodes: ReadonlyMap<number, LineageNode> | readonly LineageNode[]): number[] {
  const byId = nodes instanceof Map ? nodes : new Map((nodes as readonly LineageNode[]).map((n) => [n.id, n]));
  const out: number[] = [];
  const seen = new Set<number>();
  let cur: number | null = unitId;
  while (cur != null && !seen.has(cur)) {
    seen.add(cur);
    out.push(cur);
    cur = byId.get(cur)?.predecessorId ?? null;
  }
  return out;
}

/** Whether making `predecessorId` the predecessor of `unitId` would close a loop. */
export function lineageWouldCycle(unitId: number, predecessorId: number, nodes: ReadonlyMap<number, LineageNode> | readonly LineageNode[]): boolean {
  return lineageChain(predecessorId, nodes).includes(unitId);
}

export interface LineagePredicate {
  predicate: string;
  year: number;
  revoked: boolean;
  revokedAt?: string | null;
}

export interface PredicateFacts {
  /** Holds WBK (or WBBM), not revoked, itself or through a predecessor: counts for a WBBM proposal. */
  hasWbk: boolean;
  /** First day the unit may be proposed again after a revocation anywhere in its lineage (null = no ban). */
  banUntil: string | null;
}

/** hasWbk and the 2-year revocation ban over the predicates of a whole lineage. */
export function predicateFacts(predicates: readonly LineagePredicate[]): PredicateFacts {
  let banUntil: string | null = null;
  for (const p of predicates) {
    if (!p.revoked || !p.revokedAt) continue;
    const until = revocationBanUntil(p.revokedAt);
    if (!banUntil || until > banUntil) banUntil = until;
  }
  return { hasWbk: holdsWbk(predicates), banUntil };
}

/** The same day one year later (29 Feb → 1 Mar). */
export function plusOneYear(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * The pencanangan date the ≥ 1-year rule is checked on: the earliest ZI declaration of the unit or of any
 * predecessor (a reorganised unit does not declare again; its predecessor's declaration carries over).
 */
export function pencananganForRule(own: string | null | undefined, lineage: readonly (string | null | undefined)[] = []): string | null {
  const dates = [own, ...lineage].filter((d): d is string => !!d).map((d) => d.slice(0, 10));
  return dates.length ? dates.sort()[0] : null;
}

/** Pencanangan at least one year before the nomination date (both ISO dates). */
export function pencananganOldEnough(pencanangan: string | null, nominationDate: string): boolean {
  return !!pencanangan && plusOneYear(pencanangan) <= nominationDate.slice(0, 10);
}
