// The DHCP options of a basic type (RFC 2132 and later; packet-dhcp.c's default_dhcp_opt table and
// DHCP_OPTION_BASICTYPE_RANGE, handled by dissect_dhcpopt_basic_type): an address ("Option: (54)
// DHCP Server Identifier (192.168.1.1)"), a list of addresses, a string, a boolean, an integer, a
// time in seconds ("IP Address Lease Time: (86400s) 1 day"). The other codes of that table have
// decoders of their own or none (their raw Value line shows).

import { Base, FT, names, registerFields, type FieldSpec } from '../fields/registry.ts';
import { AUTO_CONFIGURATION, LEASEQUERY_STATES, NETBIOS_NODE_TYPES } from './dhcp-values.ts';
import { T, basicType, registerOption } from './dhcp-types.ts';

const ENABLED: readonly [string, string] = ['Enabled', 'Disabled'];
const YES: readonly [string, string] = ['Yes', 'No'];

/** Code, value type, field name (after `dhcp.option.`), label, and for some the field's names. */
type Basic = readonly [number, T, string, string, Partial<FieldSpec>?];

const BASIC: readonly Basic[] = [
  [1, T.IPV4, 'subnet_mask', 'Subnet Mask'],
  [2, T.SIGNED_SECS, 'time_offset', 'Time Offset'],
  [3, T.IPV4_LIST, 'router', 'Router'],
  [4, T.IPV4_LIST, 'time_server', 'Time Server'],
  [5, T.IPV4_LIST, 'name_server', 'Name Server'],
  [6, T.IPV4_LIST, 'domain_name_server', 'Domain Name Server'],
  [7, T.IPV4_LIST, 'log_server', 'Log Server'],
  [8, T.IPV4_LIST, 'quotes_server', 'Quotes Server'],
  [9, T.IPV4_LIST, 'lpr_server', 'LPR Server'],
  [10, T.IPV4_LIST, 'impress_server', 'Impress Server'],
  [11, T.IPV4_LIST, 'resource_location_server', 'Resource Location Server'],
  [12, T.STRINGZ, 'hostname', 'Host Name'],
  [13, T.U16, 'boot_file_size', 'Boot File Size'],
  [14, T.STRINGZ, 'merit_dump_file', 'Merit Dump File'],
  [15, T.STRINGZ, 'domain_name', 'Domain Name'],
  [16, T.IPV4, 'swap_server', 'Swap Server'],
  [17, T.STRINGZ, 'root_path', 'Root Path'],
  [18, T.STRINGZ, 'extension_path', 'Extensions Path'],
  [19, T.BOOLEAN, 'ip_forwarding', 'IP Forwarding', { tf: ENABLED }],
  [20, T.BOOLEAN, 'non_local_source_routing', 'Non-Local Source Routing', { tf: ENABLED }],
  [22, T.U16, 'max_datagram_reassembly_size', 'Maximum Datagram Reassembly Size'],
  [23, T.U8, 'default_ip_ttl', 'Default IP Time-to-Live'],
  [24, T.UNSIGNED_SECS, 'path_mtu_aging_timeout', 'Path MTU Aging Timeout'],
  [25, T.U16_LIST, 'path_mtu_plateau_table_item', 'Path MTU Plateau Table Item'],
  [26, T.U16, 'interface_mtu', 'Interface MTU'],
  [27, T.BOOLEAN, 'all_subnets_are_local', 'All Subnets are Local', { tf: YES }],
  [28, T.IPV4, 'broadcast_address', 'Broadcast Address'],
  [29, T.BOOLEAN, 'perform_mask_discovery', 'Perform Mask Discovery', { tf: ENABLED }],
  [30, T.BOOLEAN, 'mask_supplier', 'Mask Supplier', { tf: YES }],
  [31, T.BOOLEAN, 'perform_router_discover', 'Perform Router Discover', { tf: ENABLED }],
  [32, T.IPV4, 'router_solicitation_address', 'Router Solicitation Address'],
  [34, T.BOOLEAN, 'trailer_encapsulation', 'Trailer Encapsulation', { tf: ENABLED }],
  [35, T.UNSIGNED_SECS, 'arp_cache_timeout', 'ARP Cache Timeout'],
  [36, T.BOOLEAN, 'ethernet_encapsulation', 'Ethernet Encapsulation', { tf: ENABLED }],
  [37, T.U8, 'tcp_default_ttl', 'TCP Default TTL'],
  [38, T.UNSIGNED_SECS, 'tcp_keepalive_interval', 'TCP Keepalive Interval'],
  [39, T.BOOLEAN, 'tcp_keepalive_garbage', 'TCP Keepalive Garbage', { tf: ENABLED }],
  [40, T.STRINGZ, 'nis_domain', 'Network Information Service Domain'],
  [41, T.IPV4_LIST, 'nis_server', 'Network Information Service Server'],
  [42, T.IPV4_LIST, 'ntp_server', 'Network Time Protocol Server'],
  [44, T.IPV4_LIST, 'netbios_over_tcpip_name_server', 'NetBIOS over TCP/IP Name Server'],
  [45, T.IPV4_LIST, 'netbios_over_tcpip_dd_name_server', 'NetBIOS over TCP/IP Datagram Distribution Name Server'],
  [46, T.U8, 'netbios_over_tcpip_node_type', 'NetBIOS over TCP/IP Node Type', { names: names(NETBIOS_NODE_TYPES), unknownName: true }],
  [47, T.STRINGZ, 'netbios_over_tcpip_scope', 'NetBIOS over TCP/IP Scope'],
  [48, T.IPV4_LIST, 'xwindows_system_font_server', 'X Window System Font Server'],
  [49, T.IPV4_LIST, 'xwindows_system_display_manager', 'X Window System Display Manager'],
  [50, T.IPV4, 'requested_ip_address', 'Requested IP Address'],
  [51, T.UNSIGNED_SECS, 'ip_address_lease_time', 'IP Address Lease Time'],
  [54, T.IPV4, 'dhcp_server_id', 'DHCP Server Identifier'],
  [56, T.STRINGZ, 'message', 'Message'],
  [57, T.U16, 'dhcp_max_message_size', 'Maximum DHCP Message Size'],
  [58, T.UNSIGNED_SECS, 'renewal_time_value', 'Renewal Time Value'],
  [59, T.UNSIGNED_SECS, 'rebinding_time_value', 'Rebinding Time Value'],
  [64, T.STRINGZ, 'nis_plus_domain', 'Network Information Service+ Domain'],
  [65, T.IPV4_LIST, 'nis_plus_server', 'Network Information Service+ Server'],
  [66, T.STRINGZ, 'tftp_server_name', 'TFTP Server Name'],
  [67, T.STRINGZ, 'bootfile_name', 'Bootfile name'],
  [68, T.IPV4_LIST, 'mobile_ip_home_agent', 'Mobile IP Home Agent'],
  [69, T.IPV4_LIST, 'smtp_server', 'SMTP Server'],
  [70, T.IPV4_LIST, 'pop3_server', 'POP3 Server'],
  [71, T.IPV4_LIST, 'nntp_server', 'NNTP Server'],
  [72, T.IPV4_LIST, 'default_www_server', 'Default WWW Server'],
  [73, T.IPV4_LIST, 'default_finger_server', 'Default Finger Server'],
  [74, T.IPV4_LIST, 'default_irc_server', 'Default IRC Server'],
  [75, T.IPV4_LIST, 'streettalk_server', 'StreetTalk Server'],
  [76, T.IPV4_LIST, 'streettalk_da_server', 'StreetTalk Directory Assistance Server'],
  [86, T.STRINGZ, 'novell_ds_tree_name', 'Novell Directory Services Tree Name'],
  [87, T.STRINGZ, 'novell_ds_context', 'Novell Directory Services Context'],
  [91, T.UNSIGNED_SECS, 'client_last_transaction_time', 'Client last transaction time'],
  [92, T.IPV4_LIST, 'associated_ip_option', 'Associated IP option'],
  [100, T.STRING, 'tz_pcode', 'TZ PCode'],
  [101, T.STRING, 'tz_tcode', 'TZ TCode'],
  [112, T.IPV4_LIST, 'netinfo_parent_server_address', 'NetInfo Parent Server Address'],
  [113, T.STRINGZ, 'netinfo_parent_server_tag', 'NetInfo Parent Server Tag'],
  [116, T.U8, 'dhcp_auto_configuration', 'DHCP Auto-Configuration', { names: names(AUTO_CONFIGURATION), unknownName: true }],
  [118, T.IPV4_LIST, 'subnet_selection_option', 'Subnet Selection Option'],
  [137, T.STRINGZ, 'lost_server_domain_name', 'LoST Server Domain Name'],
  [138, T.IPV4_LIST, 'capwap_access_controller', 'CAPWAP Access Controllers'],
  [142, T.IPV4_LIST, 'andsf_server', 'ANDSF Server'],
  [150, T.IPV4_LIST, 'tftp_server_address', 'TFTP Server Address'],
  [153, T.UNSIGNED_SECS, 'bulk_lease.start_time_of_state', 'Start Time Of State'],
  [156, T.U8, 'bulk_lease.dhcp_state', 'Dhcp State', { names: names(LEASEQUERY_STATES), unknownName: true }],
  [157, T.BOOLEAN, 'bulk_lease.data_source', 'Data Source', { tf: ['Remote', 'Local'] }],
  [161, T.STRING, 'mudurl', 'MUDURL'],
  [209, T.STRING, 'pxe_config_file', 'PXELINUX configuration file'],
  [210, T.STRING, 'pxe_path_prefix', 'PXELINUX path prefix'],
  [252, T.STRINGZ, 'private_proxy_autodiscovery', 'Private/Proxy autodiscovery'],
];

/** The field type and width each value type is registered with. */
function spec(t: T): Pick<FieldSpec, 'type' | 'bits'> {
  switch (t) {
    case T.IPV4:
    case T.IPV4_LIST:
      return { type: FT.IPV4 };
    case T.STRINGZ:
    case T.STRING:
      return { type: FT.STRING };
    case T.BOOLEAN:
      return { type: FT.BOOLEAN, bits: 8 };
    case T.U8:
      return { type: FT.UINT, bits: 8 };
    case T.U16:
    case T.U16_LIST:
      return { type: FT.UINT, bits: 16 };
    case T.SIGNED_SECS:
      return { type: FT.INT };
    default:
      return { type: FT.UINT };
  }
}

const specs: Record<string, FieldSpec> = {};
for (const [code, t, name, label, extra] of BASIC) specs[code] = { name: `dhcp.option.${name}`, label, base: Base.DEC, ...spec(t), ...extra };
/** The basic options' fields by option code. */
export const BASIC_FIELDS: Readonly<Record<string, number>> = registerFields(specs);

for (const [code, t] of BASIC) {
  const id = BASIC_FIELDS[code] as number;
  registerOption([code], (c, o) => basicType(c, t, id, o.v, o.len, o.end, o.item));
}
