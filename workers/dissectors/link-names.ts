// LINKTYPE_* → Wireshark's encapsulation (WTAP_ENCAP_*) number and name: what `frame.encap_type`
// holds and how its line reads ("Encapsulation type: Linux cooked-mode capture v1 (25)"). Generated
// by writing a one-packet pcap of every link type 0–300 with text2pcap and reading it back with
// tshark 4.0; link types tshark cannot open are absent.

const TABLE: ReadonlyArray<readonly [number, number, string]> = [
  [0, 15, 'NULL/Loopback'], [1, 1, 'Ethernet'], [2, 184, 'Xerox 3MB Ethernet'],
  [3, 148, 'Amateur Radio AX.25'], [6, 2, 'Token Ring'], [7, 8, 'ARCNET'], [8, 3, 'SLIP'], [9, 4, 'PPP'],
  [10, 6, 'FDDI with bit-swapped MAC addresses'], [11, 10, 'RFC 1483 ATM'], [12, 7, 'Raw IP'],
  [13, 38, 'OpenBSD enc(4) encapsulating interface'], [14, 7, 'Raw IP'], [16, 11, 'Linux ATM CLIP'],
  [18, 11, 'Linux ATM CLIP'], [19, 11, 'Linux ATM CLIP'], [32, 69, 'Redback SmartEdge'], [50, 4, 'PPP'],
  [51, 139, 'PPP-over-Ethernet session'], [99, 61, 'Symantec Enterprise Firewall'],
  [100, 10, 'RFC 1483 ATM'], [101, 7, 'Raw IP'], [104, 28, 'Cisco HDLC'],
  [105, 20, 'IEEE 802.11 Wireless LAN'], [106, 11, 'Linux ATM CLIP'], [107, 26, 'Frame Relay'],
  [108, 174, 'OpenBSD loopback'], [109, 38, 'OpenBSD enc(4) encapsulating interface'],
  [112, 28, 'Cisco HDLC'], [113, 25, 'Linux cooked-mode capture v1'], [114, 30, 'Localtalk'],
  [117, 39, 'OpenBSD PF Firewall logs'], [118, 29, 'Cisco IOS internal'],
  [119, 21, 'IEEE 802.11 plus Prism II monitor mode radio header'], [121, 32, 'HiPath HDLC'],
  [122, 18, 'RFC 2625 IP-over-Fibre Channel'], [123, 13, 'ATM PDUs'],
  [127, 23, 'IEEE 802.11 plus radiotap radio header'], [128, 37, 'Tazmen sniffer protocol'],
  [129, 9, 'Linux ARCNET'], [130, 81, 'Juniper MLPPP'], [131, 82, 'Juniper MLFR'], [133, 87, 'Juniper GGSN'],
  [135, 68, 'Juniper ATM2'], [136, 151, 'Juniper Services'], [137, 67, 'Juniper ATM1'],
  [138, 62, 'Apple IP-over-IEEE 1394'], [139, 75, 'MTP2 with pseudoheader'], [140, 42, 'SS7 MTP2'],
  [141, 43, 'SS7 MTP3'], [142, 101, 'SS7 SCCP'],
  [143, 33, 'Data Over Cable Service Interface Specification'], [144, 44, 'IrDA'], [147, 45, 'USER 0'],
  [148, 46, 'USER 1'], [149, 47, 'USER 2'], [150, 48, 'USER 3'], [151, 49, 'USER 4'], [152, 50, 'USER 5'],
  [153, 51, 'USER 6'], [154, 52, 'USER 7'], [155, 53, 'USER 8'], [156, 54, 'USER 9'], [157, 55, 'USER 10'],
  [158, 56, 'USER 11'], [159, 57, 'USER 12'], [160, 58, 'USER 13'], [161, 59, 'USER 14'],
  [162, 60, 'USER 15'], [163, 24, 'IEEE 802.11 plus AVS radio header'], [165, 63, 'BACnet MS/TP'],
  [167, 76, 'Juniper PPPoE'], [169, 66, 'GPRS LLC'],
  [170, 178, 'ITU-T G.7041/Y.1303 Generic Framing Procedure Transparent mode'],
  [171, 179, 'ITU-T G.7041/Y.1303 Generic Framing Procedure Frame-mapped mode'], [172, 77, 'GCOM TIE1'],
  [173, 78, 'GCOM Serial'], [177, 88, 'LAPD with Linux pseudo-header'], [178, 83, 'Juniper Ethernet'],
  [179, 84, 'Juniper PPP'], [180, 85, 'Juniper Frame-Relay'], [181, 86, 'Juniper C-HDLC'],
  [183, 91, 'Juniper Voice PIC'], [184, 181, 'Juniper VN'], [186, 92, 'USB packets with FreeBSD header'],
  [187, 41, 'Bluetooth H4'], [188, 93, 'IEEE 802.16 MAC Common Part Sublayer'],
  [189, 95, 'USB packets with Linux header'], [190, 109, 'Controller Area Network 2.0B'],
  [192, 97, 'Per-Packet Information header'], [195, 104, 'IEEE 802.15.4 Wireless PAN'],
  [196, 100, 'SITA WAN packets'], [197, 98, 'Extensible Record Format'],
  [199, 103, 'Intelligent Platform Management Bus with Kontron pseudo-header'],
  [200, 197, 'Juniper Secure Tunnel Information'], [201, 99, 'Bluetooth H4 with linux header'],
  [202, 147, 'AX.25 with KISS header'], [203, 131, 'LAPD'], [204, 19, 'PPP with Directional Info'],
  [209, 112, 'I2C with Linux-specific pseudo-header'], [210, 106, 'FlexRay'],
  [211, 108, 'Media Oriented Systems Transport'], [212, 107, 'Local Interconnect Network'],
  [213, 111, 'X2E serial line capture'], [214, 105, 'X2E Xoraya'],
  [215, 113, 'IEEE 802.15.4 Wireless PAN non-ASK PHY'],
  [220, 115, 'USB packets with Linux header and padding'], [224, 121, 'Fibre Channel FC-2'],
  [225, 122, 'Fibre Channel FC-2 With Frame Delimiter'], [226, 124, 'Solaris IPNET'],
  [227, 125, 'SocketCAN'], [228, 129, 'Raw IPv4'], [229, 130, 'Raw IPv6'],
  [230, 127, 'IEEE 802.15.4 Wireless PAN with FCS not present'], [231, 146, 'D-Bus'],
  [235, 132, 'DVB-CI (Common Interface)'], [236, 133, 'MUX27010'],
  [237, 157, 'STANAG 5066 Data Transfer Sublayer PDUs(D_PDU)'], [239, 141, 'NFLOG'],
  [240, 135, 'Hilscher netANALYZER'], [241, 136, 'Hilscher netANALYZER-Transparent'],
  [242, 180, 'IP over IB'], [243, 138, 'ISO/IEC 13818-1 MPEG2-TS'], [245, 140, 'NFC LLCP'],
  [248, 149, 'SCTP'], [249, 152, 'USB packets with USBPcap header'], [250, 153, 'RTAC serial-line'],
  [251, 154, 'Bluetooth Low Energy Link Layer'], [252, 155, 'Wireshark Upper PDU export'],
  [253, 158, 'Linux Netlink'], [254, 159, 'Bluetooth Linux Monitor'],
  [255, 160, 'Bluetooth BR/EDR Baseband RF'], [256, 161, 'Bluetooth Low Energy Link Layer RF'],
  [258, 171, 'Apple PKTAP'], [259, 172, 'Ethernet Passive Optical Network'],
  [260, 173, 'IPMI Trace Data Collection'], [264, 177, 'ISO 14443 contactless smartcard standards'],
  [266, 182, 'USB packets with Darwin (macOS, etc.) headers'], [268, 36, 'SDLC'], [270, 183, 'LoRaTap'],
  [271, 185, 'Linux vsock'], [272, 186, 'nRF Sniffer for Bluetooth LE'],
  [273, 199, 'DOCSIS with Excentis XRA pseudo-header'], [274, 198, 'IEEE 802.3br mPackets'],
  [275, 200, 'DisplayPort AUX channel with Unigraf pseudo-header'],
  [276, 210, 'Linux cooked-mode capture v2'], [279, 204, 'Elektrobit High Speed Capture and Replay'],
  [280, 205, 'Vector Packet Processing graph dispatch trace'],
  [283, 206, 'IEEE 802.15.4 Wireless with TAP pseudo-header'], [287, 211, 'Z-Wave Serial API packets'],
  [288, 208, 'USB 2.0/1.1/1.0 packets'], [290, 212, 'Event Tracing for Windows messages'],
  [292, 214, 'ZBOSS NCP'], [293, 215, 'Low-Speed USB 2.0/1.1/1.0 packets'],
  [294, 216, 'Full-Speed USB 2.0/1.1/1.0 packets'], [295, 217, 'High-Speed USB 2.0 packets'],
];

const WTAP = new Map<number, number>(TABLE.map(([lt, w]) => [lt, w]));

/** Wireshark's encapsulation names, by WTAP_ENCAP_* number (the value names of frame.encap_type). */
/** WTAP_ENCAP_UNKNOWN: a link type Wireshark has no encapsulation for. */
export const WTAP_ENCAP_UNKNOWN = 0;

export const WTAP_ENCAP_NAMES: ReadonlyMap<number, string> = new Map<number, string>([[WTAP_ENCAP_UNKNOWN, 'Unknown'], ...TABLE.map(([, w, n]) => [w, n] as const)]);

/** The WTAP_ENCAP_* number of a LINKTYPE_* value, or WTAP_ENCAP_UNKNOWN. */
export function wtapEncap(linkType: number): number {
  return WTAP.get(linkType) ?? WTAP_ENCAP_UNKNOWN;
}
