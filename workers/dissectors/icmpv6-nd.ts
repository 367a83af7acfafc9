// Neighbor Discovery for IPv6 (RFC 4861 section 4: Router and Neighbor Solicitation and
// Advertisement, Redirect; Wireshark packet-icmpv6.c). Their options are in icmpv6-ndopt.ts.
//
//   RA:  | Cur Hop Limit |M|O|H|Prf|P|R| Router Lifetime | Reachable Time | Retrans Timer | options…
//   NA:  |R|S|O|       Reserved (29)      | Target Address (16) | options…

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectNdOptions } from './icmpv6-ndopt.ts';
import { setFlagNames } from './flag-names.ts';

const RS = 133;
const RA = 134;
const NS = 135;
const NA = 136;
const REDIRECT = 137;

export const F = registerFields({
  raCurHopLimit: { name: 'icmpv6.nd.ra.cur_hop_limit', label: 'Cur hop limit', type: FT.UINT, bits: 8 },
  raFlag: { name: 'icmpv6.nd.ra.flag', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  raFlagM: { name: 'icmpv6.nd.ra.flag.m', label: 'Managed address configuration', type: FT.BOOLEAN, bits: 8, mask: 0x80, tf: ['Set', 'Not set'] },
  raFlagO: { name: 'icmpv6.nd.ra.flag.o', label: 'Other configuration', type: FT.BOOLEAN, bits: 8, mask: 0x40, tf: ['Set', 'Not set'] },
  raFlagH: { name: 'icmpv6.nd.ra.flag.h', label: 'Home Agent', type: FT.BOOLEAN, bits: 8, mask: 0x20, tf: ['Set', 'Not set'] },
  raFlagPrf: { name: 'icmpv6.nd.ra.flag.prf', label: 'Prf (Default Router Preference)', type: FT.UINT, bits: 8, mask: 0x18,
    names: names([[0, 'Medium'], [1, 'High'], [2, 'Reserved'], [3, 'Low']]) },
  raFlagP: { name: 'icmpv6.nd.ra.flag.p', label: 'Proxy', type: FT.BOOLEAN, bits: 8, mask: 0x4, tf: ['Set', 'Not set'] },
  raFlagRsv: { name: 'icmpv6.nd.ra.flag.rsv', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0x3 },
  raRouterLifetime: { name: 'icmpv6.nd.ra.router_lifetime', label: 'Router lifetime (s)', type: FT.UINT, bits: 16 },
  raReachableTime: { name: 'icmpv6.nd.ra.reachable_time', label: 'Reachable time (ms)', type: FT.UINT },
  raRetransTimer: { name: 'icmpv6.nd.ra.retrans_timer', label: 'Retrans timer (ms)', type: FT.UINT },
  nsTarget: { name: 'icmpv6.nd.ns.target_address', label: 'Target Address', type: FT.IPV6 },
  naFlag: { name: 'icmpv6.nd.na.flag', label: 'Flags', type: FT.UINT, base: Base.HEX },
  naFlagR: { name: 'icmpv6.nd.na.flag.r', label: 'Router', type: FT.BOOLEAN, mask: 0x80000000, tf: ['Set', 'Not set'] },
  naFlagS: { name: 'icmpv6.nd.na.flag.s', label: 'Solicited', type: FT.BOOLEAN, mask: 0x40000000, tf: ['Set', 'Not set'] },
  naFlagO: { name: 'icmpv6.nd.na.flag.o', label: 'Override', type: FT.BOOLEAN, mask: 0x20000000, tf: ['Set', 'Not set'] },
  naFlagRsv: { name: 'icmpv6.nd.na.flag.rsv', label: 'Reserved', type: FT.UINT, mask: 0x1fffffff },
  naTarget: { name: 'icmpv6.nd.na.target_address', label: 'Target Address', type: FT.IPV6 },
  rdTarget: { name: 'icmpv6.nd.rd.target_address', label: 'Target Address', type: FT.IPV6 },
  rdDestination: { name: 'icmpv6.nd.rd.destination_address', label: 'Destination Address', type: FT.IPV6 },
});

/** Router / Neighbor Solicitation and Advertisement, Redirect; false for other types.
 *  `reservedId` is icmpv6.reserved (registered by icmpv6.ts). */
export function dissectNeighborDiscovery(c: Ctx, type: number, o: number, end: number, reservedId: number): boolean {
  const f = c.f;
  switch (type) {
    case RS:
      c.field(reservedId, o, 4, end);
      o += 4;
      break;
    case RA: {
      c.uint(F.raCurHopLimit, o, 1, end);
      const fl = c.uint(F.raFlag, o + 1, 1, end);
      if (fl < 0) return true;
      // "Flags: 0x40, Other configuration, Prf (Default Router Preference): Medium"
      if (f.wanted === null) f.appendLabel(f.last, setFlagNames(RA_FLAGS, fl));
      f.push(f.last);
      f.add(F.raFlagM, o + 1, 1, fl >> 7);
      f.add(F.raFlagO, o + 1, 1, (fl >> 6) & 1);
      f.add(F.raFlagH, o + 1, 1, (fl >> 5) & 1);
      f.add(F.raFlagPrf, o + 1, 1, (fl >> 3) & 3);
      f.add(F.raFlagP, o + 1, 1, (fl >> 2) & 1);
      f.add(F.raFlagRsv, o + 1, 1, fl & 3);
      f.pop();
      c.uint(F.raRouterLifetime, o + 2, 2, end);
      c.uint(F.raReachableTime, o + 4, 4, end);
      c.uint(F.raRetransTimer, o + 8, 4, end);
      o += 12;
      break;
    }
    case NS:
      c.field(reservedId, o, 4, end);
      c.field(F.nsTarget, o + 4, 16, end);
      o += 20;
      break;
    case NA: {
      const fl = c.uint(F.naFlag, o, 4, end);
      if (fl < 0) return true;
      f.push(f.last);
      f.add(F.naFlagR, o, 4, fl >>> 31);
      f.add(F.naFlagS, o, 4, (fl >>> 30) & 1);
      f.add(F.naFlagO, o, 4, (fl >>> 29) & 1);
      f.add(F.naFlagRsv, o, 4, fl & 0x1fffffff);
      f.pop();
      c.field(F.naTarget, o + 4, 16, end);
      o += 20;
      break;
    }
    case REDIRECT:
      c.field(reservedId, o, 4, end);
      c.field(F.rdTarget, o + 4, 16, end);
      c.field(F.rdDestination, o + 20, 16, end);
      o += 36;
      break;
    default:
      return false;
  }
  dissectNdOptions(c, o, end);
  return true;
}

const RA_FLAGS = [F.raFlagM, F.raFlagO, F.raFlagH, F.raFlagPrf, F.raFlagP];
