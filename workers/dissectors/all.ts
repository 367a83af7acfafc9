// Importing this module registers every dissector (fields, dissector, default bindings).
// Order does not matter: bindings are resolved when a DissectorTables is built.
import './data.ts';
// link layers
import './ethernet.ts';
import './llc.ts';
import './stp.ts';
import './vlan.ts';
import './linux-sll.ts';
import './linux-sll2.ts';
import './null.ts';
import './raw-ip.ts';
import './ppp.ts';
import './chdlc.ts';
import './ipoib.ts';
import './nflog.ts';
import './pktap.ts';
import './radiotap.ts';
import './ieee80211.ts';
import './arcnet.ts';
import './ipnet.ts';
import './vsock.ts';
import './arp.ts';
import './avsp.ts';
// network
import './mpls.ts';
import './ipv4.ts';
import './ipv6.ts';
import './icmp.ts';
import './icmpv6.ts';
import './igmp.ts';
// transport and applications
import './udp.ts';
import './tcp.ts';
import './sctp.ts';
import './dns.ts';
import './dhcp.ts';
import './dhcpv6.ts';
import './ntp.ts';
import './syslog.ts';
import './ssh.ts';
// tunnels
import './gre.ts';
import './erspan.ts';
import './vxlan.ts';
import './vxlan-gpe.ts';
import './nsh.ts';
import './geneve.ts';
