/**
 * Which hosts are the local network rather than the public internet: addresses in the loopback,
 * private, link-local, CGNAT, unique-local (and other never-public) ranges, and names that only a
 * local resolver answers (`localhost`, single labels like `router`, `.local`, `.home.arpa`, …).
 * A page on an allowed portal must not reach the unit's routers, printers or the kiosk itself.
 *
 * Input is a canonical host (see canonicalHost): the WHATWG parser has already turned decimal,
 * octal, hex and short IPv4 spellings into dotted quads, and IPv6 into its compressed lower-case
 * form in brackets (`[::ffff:c0a8:101]`), so only those two forms need reading here.
 */

export interface LocalHost {
  kind: 'ip' | 'name';
  /** For people: 'loopback', 'private (RFC 1918)', 'local name (.local)', … */
  range: string;
}

/** [first address as a 32-bit number, prefix length, name] — every IPv4 block that is not public. */
const ipv4Blocks: readonly [number, number, string][] = [
  [ip4(0, 0, 0, 0), 8, 'this network (0.0.0.0/8)'],
  [ip4(10, 0, 0, 0), 8, 'private (RFC 1918)'],
  [ip4(100, 64, 0, 0), 10, 'carrier-grade NAT (100.64.0.0/10)'],
  [ip4(127, 0, 0, 0), 8, 'loopback'],
  [ip4(169, 254, 0, 0), 16, 'link-local'],
  [ip4(172, 16, 0, 0), 12, 'private (RFC 1918)'],
  [ip4(192, 0, 0, 0), 24, 'IETF protocol assignments (192.0.0.0/24)'],
  [ip4(192, 168, 0, 0), 16, 'private (RFC 1918)'],
  [ip4(198, 18, 0, 0), 15, 'benchmarking (198.18.0.0/15)'],
  [ip4(224, 0, 0, 0), 4, 'multicast'],
  [ip4(240, 0, 0, 0), 4, 'reserved (240.0.0.0/4, broadcast)'],
];

/** Names no public DNS answers: RFC 6761/6762/8375, ICANN's .internal, and common LAN suffixes never delegated. */
const localSuffixes: readonly string[] = ['localhost', 'local', 'localdomain', 'home.arpa', 'internal', 'lan', 'intranet', 'corp', 'home'];

function ip4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

function parseIpv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  const [a, b, c, d] = parts.map(Number) as [number, number, number, number];
  return ip4(a, b, c, d);
}

function ipv4Range(address: number): string | undefined {
  for (const [first, prefix, name] of ipv4Blocks) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if (((address & mask) >>> 0) === first) return name;
  }
  return undefined;
}

/** Eight 16-bit groups of a bracketed, WHATWG-serialised IPv6 host; undefined when it is not one. */
function parseIpv6(host: string): number[] | undefined {
  if (!host.startsWith('[') || !host.endsWith(']')) return undefined;
  const body = host.slice(1, -1);
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const read = (text: string): number[] | undefined => {
    if (text === '') return [];
    const groups = text.split(':');
    if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = read(halves[0] ?? '');
  const tail = halves.length === 2 ? read(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function ipv6Range(g: number[]): string | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = (): string | undefined => {
    const v4 = ipv4Range((((g6 << 16) >>> 0) + g7) >>> 0);
    return v4 === undefined ? undefined : `${v4}, embedded in IPv6`;
  };
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified (::)';
  if (zeroPrefix && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // ::ffff:a.b.c.d (IPv4-mapped) and the deprecated ::a.b.c.d (IPv4-compatible) reach the IPv4 host.
  if (zeroPrefix && (g5 === 0xffff || g5 === 0)) return embedded() ?? (g5 === 0xffff ? undefined : 'reserved (::/96)');
  // ::ffff:0:a.b.c.d (SIIT, IPv4-translated) likewise.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return embedded() ?? 'reserved (::ffff:0:0/96)';
  // NAT64 (64:ff9b::/96) translates to the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded();
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local (fc00::/7)';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local (fec0::/10)';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  return undefined;
}

/** The local-network range of a canonical host, or undefined for a public address or name. */
export function localNetworkHost(canonical: string): LocalHost | undefined {
  // "localhost.." keeps one dot after canonicalHost; a resolver may still read it as localhost.
  const host = canonical.replace(/\.+$/, '');
  if (host === '') return { kind: 'name', range: 'empty host name' };
  const v4 = parseIpv4(host);
  if (v4 !== undefined) {
    const range = ipv4Range(v4);
    return range === undefined ? undefined : { kind: 'ip', range };
  }
  const v6 = parseIpv6(host);
  if (v6 !== undefined) {
    const range = ipv6Range(v6);
    return range === undefined ? undefined : { kind: 'ip', range };
  }
  if (host.startsWith('[')) return { kind: 'ip', range: 'unreadable IPv6 address' };
  if (!host.includes('.')) return { kind: 'name', range: host === 'localhost' ? 'loopback name (localhost)' : 'single-label name (local resolver)' };
  const suffix = localSuffixes.find((s) => host === s || host.endsWith(`.${s}`));
  return suffix === undefined ? undefined : { kind: 'name', range: `local name (.${suffix})` };
}
