// Made by scripts/make-warm-up-pins.ts with tshark 4.0.17: do not edit, run the script again.
// tshark -n -r FILE -d udp.port==8472,vxlan -T fields -E separator=/t -E occurrence=a -E aggregator=, -e …

/** Fields asked of warmUpCapture(18), the first round's packets. */
export const FIELDS = 'frame.number eth.type vlan.id ip.src ip.dst ipv6.src ipv6.dst tcp.srcport tcp.dstport tcp.flags tcp.len udp.dstport vxlan.vni geneve.vni arp.opcode dns.qry.name'.split(' ');
export const TSHARK = [
  '1\t0x0800\t\t10.1.0.1\t10.2.0.20\t\t\t1024\t80\t0x0002\t0\t\t\t\t\t',
  '2\t0x86dd\t\t\t\tfd00::1\tfd00::14\t1024\t443\t0x0002\t0\t\t\t\t\t',
  '3\t0x86dd\t\t\t\tfd00::3\tfd00::16\t\t\t\t\t5353\t\t\t\t',
  '4\t0x8100\t100\t10.3.0.4\t10.4.0.23\t\t\t\t\t\t\t514\t\t\t\t',
  '5\t0x0800\t\t10.5.0.5\t10.5.0.53\t\t\t\t\t\t\t53\t\t\t\texample.com',
  '6\t0x0806\t\t\t\t\t\t\t\t\t\t\t\t\t1\t',
  '7\t0x0800,0x0800\t\t10.100.0.7,10.200.0.1\t10.100.0.26,10.200.0.9\t\t\t1024\t443\t0x0002\t0\t4789\t5006\t\t\t',
  '8\t0x0800,0x0800\t\t10.101.0.8,10.200.0.2\t10.101.0.27,10.200.0.10\t\t\t1025\t443\t0x0012\t64\t8472\t6007\t\t\t',
  '9\t0x0800,0x0800\t\t10.102.0.9,10.200.0.3\t10.102.0.28,10.200.0.11\t\t\t1026\t443\t0x0010\t0\t6081\t\t0x011170\t\t',
  '10\t0x0800\t\t10.1.0.2\t10.2.0.21\t\t\t1025\t80\t0x0012\t100\t\t\t\t\t',
  '11\t0x86dd\t\t\t\tfd00::2\tfd00::15\t1025\t443\t0x0012\t200\t\t\t\t\t',
  '12\t0x86dd\t\t\t\tfd00::c\tfd00::14\t\t\t\t\t5353\t\t\t\t',
  '13\t0x8100\t100\t10.3.0.13\t10.4.0.21\t\t\t\t\t\t\t514\t\t\t\t',
  '14\t0x0800\t\t10.5.0.1\t10.5.0.53\t\t\t\t\t\t\t53\t\t\t\texample.com',
  '15\t0x0806\t\t\t\t\t\t\t\t\t\t\t\t\t1\t',
  '16\t0x0800,0x0800\t\t10.100.0.3,10.200.0.4\t10.100.0.24,10.200.0.12\t\t\t1027\t443\t0x0018\t64\t4789\t5007\t\t\t',
  '17\t0x0800,0x0800\t\t10.101.0.4,10.200.0.5\t10.101.0.25,10.200.0.13\t\t\t1028\t443\t0x0011\t0\t8472\t6000\t\t\t',
  '18\t0x0800,0x0800\t\t10.102.0.5,10.200.0.6\t10.102.0.26,10.200.0.9\t\t\t1029\t443\t0x0004\t64\t6081\t\t0x011171\t\t',
];

/** Fields asked of warmUpCapture(18, 19991), packets of a later round: replies, sequence
 *  numbers over the whole 32-bit range, and connections whose ports came before. */
export const LATE_FIELDS = 'frame.number ip.src ipv6.src tcp.srcport tcp.flags tcp.seq_raw tcp.seq tcp.stream udp.srcport udp.stream'.split(' ');
export const LATE_FIRST = 19991;
export const TSHARK_LATE = [
  '1\t\tfd00::b\t\t\t\t\t\t50000\t0',
  '2\t10.3.0.12\t\t\t\t\t\t\t3245\t1',
  '3\t10.5.0.13\t\t\t\t\t\t\t30013\t2',
  '4\t\t\t\t\t\t\t\t\t',
  '5\t10.100.0.2,10.200.0.12\t\t443\t0x0018\t2484586376\t1\t0\t50013\t3',
  '6\t10.101.0.3,10.200.0.13\t\t443\t0x0011\t844054841\t1\t1\t50014\t4',
  '7\t10.102.0.4,10.200.0.9\t\t443\t0x0004\t3498490602\t1\t2\t50015\t5',
  '8\t10.1.0.10\t\t1046\t0x0010\t3820599295\t1\t3\t\t',
  '9\t\tfd00::a\t1046\t0x0010\t3820599295\t1\t4\t\t',
  '10\t\tfd00::7\t\t\t\t\t\t50000\t6',
  '11\t10.3.0.8\t\t\t\t\t\t\t3246\t7',
  '12\t10.5.0.9\t\t\t\t\t\t\t30009\t8',
  '13\t\t\t\t\t\t\t\t\t',
  '14\t10.100.0.11,10.200.0.10\t\t443\t0x0002\t1857959067\t0\t5\t50016\t9',
  '15\t10.101.0.12,10.200.0.11\t\t443\t0x0012\t217427532\t0\t6\t50017\t10',
  '16\t10.102.0.13,10.200.0.12\t\t443\t0x0010\t2871863293\t1\t7\t50018\t11',
  '17\t10.1.0.11\t\t1047\t0x0018\t2180067760\t1\t8\t\t',
  '18\t\tfd00::b\t1047\t0x0018\t2180067760\t1\t9\t\t',
];
