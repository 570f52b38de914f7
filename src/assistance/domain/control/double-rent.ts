/**
 * Double rent: two or more households that claim rent for the same flat in the same month (the
 * same address and apartment number, or the same contract reference). Uppsala demands approved
 * contracts for sublet flats for this reason: one flat's rent must not be paid twice.
 */

export interface RentClaim {
  applicationId: string;
  caseId: string;
  householdId: string;
  address: string | null;
  apartment: string | null;
  contract: string | null;
  rentOre: number;
}

export interface DoubleRentGroup {
  /** the keys that tied the claims together */
  matchedBy: ('address' | 'contract')[];
  /** normalised */
  address: string | null;
  apartment: string | null;
  contract: string | null;
  claims: RentClaim[];
}

/** Lowercase, punctuation to spaces, runs of spaces collapsed, trimmed: "Storg. 1, A" → "storg 1 a". */
export function normaliseAddress(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Apartment numbers and contract references compare without spaces: "11 02" is "1102". */
export function normaliseReference(value: string | null | undefined): string {
  return normaliseAddress(value).replace(/ /g, '');
}

/**
 * Groups the month's rent claims that share a flat (address + apartment) or a contract reference,
 * keeping only groups of at least two households. Claims linked through either key end up in one
 * group. Ordered by address, then contract.
 */
export function findDoubleRent(claims: readonly RentClaim[]): DoubleRentGroup[] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const firstWithKey = new Map<string, number>();
  const keysOf = claims.map((claim) => {
    const keys: string[] = [];
    const address = normaliseAddress(claim.address);
    if (address) keys.push(`a|${address}|${normaliseReference(claim.apartment)}`);
    const contract = normaliseReference(claim.contract);
    if (contract) keys.push(`c|${contract}`);
    return keys;
  });
  keysOf.forEach((keys, i) => {
    for (const key of keys) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(first);
    }
  });

  const members = new Map<number, number[]>();
  claims.forEach((_, i) => {
    const root = find(i);
    members.set(root, [...(members.get(root) ?? []), i]);
  });

  const groups: DoubleRentGroup[] = [];
  for (const indexes of members.values()) {
    if (new Set(indexes.map((i) => claims[i]!.householdId)).size < 2) continue;
    const keyCount = new Map<string, Set<string>>();
    for (const i of indexes)
      for (const key of keysOf[i]!)
        keyCount.set(key, (keyCount.get(key) ?? new Set()).add(claims[i]!.householdId));
    const shared = [...keyCount].filter(([, households]) => households.size >= 2).map(([key]) => key);
    const addressKey = shared.find((k) => k.startsWith('a|'));
    const contractKey = shared.find((k) => k.startsWith('c|'));
    const [, address = null, apartment = null] = addressKey?.split('|') ?? [];
    groups.push({
      matchedBy: [...(addressKey ? ['address' as const] : []), ...(contractKey ? ['contract' as const] : [])],
      address,
      apartment: apartment || null,
      contract: contractKey ? contractKey.slice(2) : null,
      claims: indexes.map((i) => claims[i]!),
    });
  }
  return groups.sort(
    (a, b) =>
      (a.address ?? '\uffff').localeCompare(b.address ?? '\uffff', 'sv') ||
      (a.contract ?? '').localeCompare(b.contract ?? '', 'sv'),
  );
}
