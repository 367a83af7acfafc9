// LLDP's organisation-specific TLVs (type 127): IEEE 802.1's (port VLAN, port and protocol VLAN,
// VLAN name, protocol identity, link aggregation) and IEEE 802.3's (MAC/PHY configuration, power
// via MDI, link aggregation, maximum frame size) as packet-lldp.c shows them; another
// organisation's as its OUI, subtype and bytes ("Arista Networks - Unknown (1)").

import { fieldById } from '../fields/registry.ts';
import { asciiText } from './ascii.ts';
import type { Ctx } from './context.ts';
import { expertAt } from './expert.ts';
import { F, PMD_IDS, PMD_INV_IDS, X } from './lldp-fields.ts';
import { flagWord } from './flag-names.ts';
import { ORGANISATIONS } from './lldp-names.ts';

const IEEE_802_1 = 0x0080c2;
const IEEE_802_3 = 0x00120f;
const ORG_NAMES: ReadonlyMap<number, string> = new Map(ORGANISATIONS);

/** The value of an organisation-specific TLV at [v, end); returns the TLV's title. */
export function orgSpecific(c: Ctx, v: number, end: number): string {
  const f = c.f;
  if (!c.has(v, 4, end)) return 'Organization Specific';
  const oui = (c.u16(v) << 8) | c.u8(v + 2);
  const sub = c.u8(v + 3);
  const hex = [oui >> 16, (oui >> 8) & 0xff, oui & 0xff].map((x) => x.toString(16).padStart(2, '0')).join(':');
  const org = oui === IEEE_802_1 ? 'IEEE' : oui === IEEE_802_3 ? 'Ieee 802.3' : ORG_NAMES.get(oui);
  const ouiItem = f.add(F.oui, v, 3, oui);
  // (the value is cut where Wireshark's 32-byte buffer for it ends: "00:01:e8 (Force10 Networks, Inc")
  if (f.wanted === null) f.setText(ouiItem, `Organization Unique Code: ${`${hex} (${org ?? 'Unknown'})`.slice(0, 31)}`);
  const o = v + 4;
  if (oui === IEEE_802_1) {
    f.add(F.ieee1Subtype, v + 3, 1, sub);
    ieee8021(c, sub, o, end);
    return `IEEE - ${fieldById(F.ieee1Subtype).names?.get(sub) ?? 'Unknown'}`;
  }
  if (oui === IEEE_802_3) {
    const s = f.add(F.ieee3Subtype, v + 3, 1, sub);
    ieee8023(c, sub, o, end, s);
    return `Ieee 802.3 - ${fieldById(F.ieee3Subtype).names?.get(sub) ?? 'Unknown'}`;
  }
  f.add(F.unknownSubtype, v + 3, 1, sub);
  if (o < end) c.field(F.unknownContent, o, end - o, end);
  return `${org ?? hex} - Unknown (${sub})`;
}

function ieee8021(c: Ctx, sub: number, o: number, end: number): void {
  const f = c.f;
  switch (sub) {
    case 1:
      c.uint(F.portVlan, o, 2, end);
      break;
    case 2:
      flagWord(c, F.ppvidFlags, [F.ppvidSupported, F.ppvidEnabled], o, end, 1, false);
      c.uint(F.ppvid, o + 1, 2, end);
      break;
    case 3: {
      c.uint(F.vlanId, o, 2, end);
      const n = c.uint(F.vlanNameLen, o + 2, 1, end);
      if (n >= 0 && c.has(o + 3, n, end)) f.addStr(F.vlanName, o + 3, n, asciiText(c.b, o + 3, o + 3 + n));
      break;
    }
    case 4: {
      const n = c.uint(F.protoIdLen, o, 1, end);
      if (n > 0) c.field(F.protoId, o + 1, n, end);
      break;
    }
    case 7:
      flagWord(c, F.aggStatus1, [F.aggCap1, F.aggEnabled1, F.aggPortType], o, end, 1, false);
      c.uint(F.aggPort1, o + 1, 4, end);
      break;
  }
}

function ieee8023(c: Ctx, sub: number, o: number, end: number, subItem: number): void {
  const f = c.f;
  switch (sub) {
    case 1: {
      flagWord(c, F.autoNeg, [F.autoNegSupported, F.autoNegEnabled], o, end, 1, false);
      flagWord(c, F.pmdCaps, PMD_IDS, o + 1, end, 2, false);
      if (c.has(o + 1, 2, end)) {
        // packet-lldp.c's second reading of the same word, for devices that send it bit-reversed
        f.push(f.text(o + 1, 2, 'Same in inverse (wrong) bitorder'));
        const w = c.u16(o + 1);
        for (const id of PMD_INV_IDS) f.add(id, o + 1, 2, w & fieldById(id).mask);
        f.pop();
      }
      c.uint(F.mauType, o + 3, 2, end);
      break;
    }
    case 2:
      flagWord(c, F.mdiPower, [F.mdiPortClass, F.mdiSupported, F.mdiEnabled, F.mdiPairs], o, end, 1, false);
      c.uint(F.psePair, o + 1, 1, end);
      c.uint(F.powerClass, o + 2, 1, end);
      break;
    case 3:
      expertAt(c, subItem, X.deprecated);
      flagWord(c, F.aggStatus3, [F.aggCap3, F.aggEnabled3], o, end, 1, false);
      c.uint(F.aggPort3, o + 1, 4, end);
      break;
    case 4:
      c.uint(F.maxFrame, o, 2, end);
      break;
  }
}
