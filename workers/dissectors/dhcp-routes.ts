// DHCP options of routes (packet-dhcp.c): the policy filters (21) and static routes (33) of RFC
// 2132, and the classless static routes of RFC 3442 (121, and 249, the code Windows used before
// it): " 10.1.2.0/24-192.168.1.1".

import { FT, registerFields } from '../fields/registry.ts';
import { ipv4Text } from '../fields/format.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { X, full, registerOption, type Opt, type OptionDecoder } from './dhcp-types.ts';

export const F = registerFields({
  policyIp: { name: 'dhcp.option.policy_filter.ip', label: 'IP Address', type: FT.IPV4 },
  policyMask: { name: 'dhcp.option.policy_filter.subnet_mask', label: 'Subnet Mask', type: FT.IPV4 },
  staticIp: { name: 'dhcp.option.static_route.ip', label: 'Destination IP Address', type: FT.IPV4 },
  staticRouter: { name: 'dhcp.option.static_route.router', label: 'Destination Router', type: FT.IPV4 },
  route: { name: 'dhcp.option.classless_static_route', label: 'Subnet/MaskWidth-Router', type: FT.BYTES },
});

const XR = registerExperts({
  maskWidth: { name: 'dhcp.option.classless_static.route', msg: 'Mask width > 32', severity: Severity.ERROR, group: Group.PROTOCOL },
});

/** Pairs of addresses (21: address and mask; 33: destination and router). */
function pairs(first: number, second: number): OptionDecoder {
  return (c: Ctx, o: Opt): number => {
    let k = o.v;
    for (; o.end - k >= 8; k += 8) {
      c.f.add(first, k, 4);
      c.f.add(second, k + 4, 4);
    }
    if (k < o.end) expertAt(c, o.item, X.badLength, "Option length isn't a multiple of 8");
    return o.len;
  };
}

registerOption([21], pairs(F.policyIp, F.policyMask));
registerOption([33], pairs(F.staticIp, F.staticRouter));

// RFC 3442 section 2: a mask width, the significant octets of the destination ((width + 7) / 8),
// and the router
registerOption([121, 249], (c, o) => {
  const f = c.f;
  if (o.len < 5) {
    expertAt(c, o.item, X.badLength, "length isn't >= 5");
    return 1;
  }
  for (let k = o.v; k < o.end;) {
    const width = c.u8(k);
    if (width > 32) {
      expertAt(c, o.item, XR.maskWidth, `Mask width (${width}) > 32`);
      break;
    }
    const octets = (width + 7) >> 3;
    if (!c.has(k, 1 + octets + 4, o.end)) break;
    const item = f.add(F.route, k, 1 + octets + 4);
    if (full(c)) {
      let dest = 'default';
      if (width > 0) {
        const parts: number[] = [];
        for (let i = 0; i < 4; i++) parts.push(i < octets ? c.u8(k + 1 + i) : 0);
        dest = `${parts.join('.')}/${width}`;
      }
      f.setText(item, ` ${dest}-${ipv4Text(c.b, k + 1 + octets)}`);
    }
    k += 1 + octets + 4;
  }
  return o.len;
});
