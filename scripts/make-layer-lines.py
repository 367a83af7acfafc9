#!/usr/bin/env python3
"""Write test/fixtures/<name>/<name>-lines.json for the dissectors checked against tshark on a
capture made for them (scripts/make-<name>-capture.py): per frame, the lines of the protocol's
layers in `tshark -V` (indented as tshark indents them; a damaged packet's "[Malformed Packet: …]"
with them), per frame its Protocol and Info columns and frame.protocols, and the frames each of
some display filters keeps. test/workers/dissectors/layer-fixture.ts reads them.

Usage: scripts/make-layer-lines.py NAME [NAME …]   (needs tshark 4.0.17; standard-library Python)
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(__file__), '..')

# name: (the top-level lines that start the layers compared, whether tshark dissects in two passes
# as Decapod's details do (-2: TCP reassembly), the filters)
PROTOCOLS = {
    'bgp': (('Border Gateway Protocol', '[Malformed Packet'), True, [
        'bgp.nlri_prefix == 10.2.0.0', 'bgp.nlri_prefix == 10.9.0.0/16', 'bgp.withdrawn_prefix == 192.0.2.128',
        'bgp.mp_reach_nlri_ipv6_prefix == 2001:db8:1::', 'bgp.mp_unreach_nlri_ipv6_prefix == 2001:db8:dead::',
        'bgp.evpn.nlri.mac_addr == 00:50:56:aa:bb:cc', 'bgp.evpn.nlri.vni == 160161', 'bgp.type == 3',
        'bgp.update.path_attribute.as_path_segment.as4 == 4200000001', 'bgp.update.path_attribute.community_wellknown == 0xffffff01',
        'bgp.ext_com.tunnel_type == 8', 'bgp.cap.4as', 'bgp.evpn.nlri.ip.addr == 10.20.30.0', 'bgp.large_communities.ga == 4200000001',
        'bgp.notify.communication contains "maintenance"', 'bgp.open.myas == 23456 && bgp.cap.4as == 4200000002']),
    'lldp': (('Link Layer Discovery Protocol', '[Malformed Packet'), False, [
        'lldp.chassis.id.mac == 00:1c:73:aa:bb:cc', 'lldp.port.id == "Ethernet1/1"', 'lldp.tlv.system.name contains "leaf1"',
        'lldp.ieee.802_1.port_vlan.id == 100', 'lldp.ieee.802_3.max_frame_size == 9214', 'lldp.tlv.system_cap.router == 1',
        'lldp.tlv.enable_system_cap.router == 1', 'lldp.mgn.addr.ip4 == 192.0.2.1', 'lldp.chassis.id.ip4 == 192.0.2.7', 'lldp.time_to_live == 30',
        'lldp.ieee.802_1.aggregated_port_id == 1000003', 'lldp.tlv.type == 9', '_ws.malformed']),
    'lacp': (('Slow Protocols', 'Link Aggregation Control Protocol', 'Marker Protocol', '[Malformed Packet'), False, [
        'lacp.actor.sysid == 00:50:56:11:22:33', 'lacp.actor.state.synchronization == 1', 'lacp.partner.state.collecting == 1',
        'lacp.actor.state.expired == 1', 'lacp.actor.key == 1000', 'lacp.version == 2', 'marker.tlvType == 2', 'marker.requesterTransId == 7',
        'slow.subtype == 1', 'lacp.actor.state_str == "**DCSGSA"', '_ws.malformed']),
    # (Geneve's lines too: it carries NSX-T's BFD with its OAM bit set)
    'bfd': (('BFD Control message', 'BFD Echo message', 'Generic Network Virtualization Encapsulation', '[Malformed Packet'), False, [
        'bfd.sta == 3', 'bfd.diag == 7', 'bfd.flags.p == 1', 'bfd.flags.f == 1', 'bfd.flags.a == 1', 'bfd.flags.h == 1',
        'bfd.my_discriminator == 0x11', 'bfd.desired_min_tx_interval == 50000', 'bfd.auth.type == 5', 'bfd.auth.password == "secret-k"',
        'bfd_echo', 'geneve && bfd', 'bfd.version == 0', '_ws.malformed', 'bfd.auth.no_data']),
    'vrrp': (('Virtual Router Redundancy Protocol', '[Malformed Packet'), False, [
        'vrrp.prio == 255', 'vrrp.prio == 0', 'vrrp.virt_rtr_id == 10', 'vrrp.ip_addr == 10.0.1.1', 'vrrp.ipv6_addr == 2001:db8::1',
        'vrrp.version == 3', 'vrrp.checksum.status == 0', 'vrrp.checksum_bad.expert', 'vrrp.auth_string == "gw-pass"', 'vrrp.short_adver_int == 50',
        '_ws.malformed']),
    'mptcp': (('Transmission Control Protocol', '[Malformed Packet'), True, [
        'mptcp.stream == 0', 'mptcp.master == 1', 'mptcp.analysis.subflows == "1 0 "', 'tcp.options.mptcp.subtype == 3',
        'tcp.options.mptcp.recvtok', 'tcp.options.mptcp.ipv4 == 10.0.0.9', 'tcp.options.mptcp.port == 443',
        'tcp.options.mptcp.datalvllen == 0', 'tcp.options.mptcp.rst_reason == 4', 'mptcp.expected_token', 'tcp.nop',
        'mptcp.dss.infinite_mapping', 'tcp.options.mptcp.datafin.flag == 1', 'tcp.options.mptcp.addrid == 3']),
    'ldap': (('Lightweight Directory Access Protocol', '[Malformed Packet'), True, [
        'ldap.messageID == 2', 'ldap.protocolOp == 3', 'ldap.baseObject == "dc=example,dc=com"', 'ldap.resultCode == 32',
        'ldap.present == "mail"', 'ldap.attributeDesc == "objectClass"', 'ldap.type == "mail"', 'ldap.scope == 2', 'ldap.response_to == 3',
        'ldap.response_in == 11', 'ldap.controlType == "1.2.840.113556.1.4.319"', 'ldap.mechanism == "EXTERNAL"',
        'ldap.errorMessage contains "no such"', 'ldap.assertionValue == "smith"', 'ldap.size == 500', 'ldap.newSuperior == "ou=staff,dc=example,dc=com"',
        'ldap.abandonRequest == 2', 'ldap.substrings_item == 1', 'ldap.LDAPURL contains "ldap2"', '_ws.malformed']),
    'snmp': (('Simple Network Management Protocol', '[Malformed Packet'), True, [
        'snmp.community == "private"', 'snmp.data == 2', 'snmp.error_status == 2', 'snmp.request_id == 1234', 'snmp.value.counter > 3000000000',
        'snmp.value.int == -1', 'snmp.value.timeticks == 8640000', 'snmp.value.ipv4 == 10.0.0.2', 'snmp.noSuchObject', 'snmp.endOfMibView',
        'snmp.generic_trap == 2', 'snmp.agent_addr == 10.0.0.2', 'snmp.msgVersion == 3', 'snmp.msgUserName == "monitor"', 'snmp.v3.flags.crypt == 1',
        'snmp.engineid.enterprise == 9', 'snmp.engineid.mac == 00:50:56:11:aa:22', 'snmp.engineid.text == "esx-07"', 'snmp.response_to == 13',
        'snmp.response_in == 9', 'snmp.var-bind_str contains "Arista"', 'snmp.non_repeaters == 0 && snmp.max_repetitions == 3', '_ws.malformed']),
    'cldap': (('Connectionless Lightweight Directory Access Protocol', '[Malformed Packet'), True, [
        'mscldap.netlogon.flags.gc == 1', 'mscldap.hostname == "dc01.corp.example.com"', 'mscldap.nb_domain == "CORP"',
        'mscldap.clientsitename contains "Default"', 'mscldap.ntver.searchflags.v5ex == 1', 'mscldap.netlogon.ipaddress == 192.0.2.10',
        'mscldap.netlogon.opcode == 19', 'ldap.guid == 2e0c1f6a-d993-4e4b-8a1b-2c3d4e5f6071', 'cldap && ldap.protocolOp == 4', '_ws.malformed']),
    'kerberos': (('Kerberos', '[Malformed Packet'), True, [
        'kerberos.msg_type == 10', 'kerberos.error_code == 25', 'kerberos.error_code == 37', 'kerberos.CNameString == "alice"',
        'kerberos.SNameString == "fs01.corp.example.com"', 'kerberos.realm == "CORP.EXAMPLE.COM"', 'kerberos.padata_type == 2',
        'kerberos.KDCOptions.forwardable == 1', 'kerberos.KDCOptions.renewable.ok == 1', 'kerberos.ENCTYPE == 23', 'kerberos.etype == 18 && kerberos.kvno == 7',
        'kerberos.info2_salt contains "alice"', 'kerberos.include_pac == 1', 'kerberos.e_text contains "skew"', 'kerberos.addr_nb contains "WS042"',
        'kerberos.PAC.OPTIONS.FLAGS.branch.aware == 1', 'kerberos.rm.length == 351', 'kerberos.nonce == 987654321', '_ws.malformed']),
    'esp': (('Encapsulating Security Payload', 'UDP Encapsulation of IPsec Packets', '[Malformed Packet', '[Packet size limited'), True, [
        'esp.spi == 0xc0ffee01', 'esp.sequence == 5', 'esp.sequence-analysis.expected-sn', 'esp.sequence-analysis.previous-frame == 5',
        'esp.sequence-analysis.wrong-sequence-number', 'udpencap.nat_keepalive', 'udpencap && esp', 'ipv6 && esp', '_ws.malformed']),
    'isakmp': (('Internet Security Association and Key Management Protocol', 'UDP Encapsulation of IPsec Packets', '[Malformed Packet'), True, [
        'isakmp.exchangetype == 35', 'isakmp.notify.msgtype == 14', 'isakmp.notify.data.accepted_dh_group == 19', 'isakmp.tf.id.encr == 20',
        'isakmp.tf.id.dh == 31', 'isakmp.ike2.attr.key_length == 128', 'isakmp.flag_r == 1', 'isakmp.messageid == 2', 'isakmp.vid_string contains "Cisco"',
        'isakmp.key_exchange.dh_group == 31', 'isakmp.ispi == a1:b2:c3:d4:e5:f6:07:18', 'udpencap.non_esp_marker', '_ws.malformed']),
    'radiotap': (('Radiotap Header', '802.11 radio information', 'IEEE 802.11 ', '[Malformed Packet'), False, [
        'wlan_radio.phy == 6', 'wlan_radio.phy == 7', 'wlan_radio.duration > 100', 'wlan_radio.11n.mcs_index == 15', 'wlan_radio.snr > 30',
        'radiotap.channel.flags.ofdm == 1', 'radiotap.present.mcs', 'radiotap.mcs.have_stbc == 1', 'wlan_radio.ifs < 0',
        'wlan.fc.type_subtype == 0x001d', 'wlan.fc.tods == 1', 'radiotap.txpower == 17', '_ws.expert.group == 0x0d000000', '_ws.malformed',
        'wlan.ht.capabilities.ldpccoding == 1', 'wlan.wfa.ie.wme.acp.acm == 1', 'wlan.erp_info.use_protection == 1', 'wlan.ht.mcsset.txmaxss == 2',
        'wlan.wfa.ie.wme.qos_info.sta.max_sp_length == 3', 'wlan.txbf.channelest == 3',
        'wlan.rsn.pcs.type == 2', 'wlan.rsn.akms.type == 2', 'wlan.rsn.capabilities.mfpc == 1', 'wlan.country_info.code == "DE"',
        'wlan.tim.dtim_period == 3', 'wlan.qbss.scount == 12', 'wlan.extcap.b19 == 1', 'wlan.extcap.b63 == 3', 'wlan.extcap.b71 == 1',
        'wlan.extcap.serv_int_granularity == 7', 'wlan.vht.capabilities.maxampdu == 7', 'wlan.vht.mcsset.rxmcsmap.ss1 == 2',
        'wlan.vht.op.channelcenter0 == 42', 'wlan.rmcap.b12 == 1', 'wlan.powercon.local == 3', 'wlan.supopeclass.current == 115']),
    'dnsextra': (('Domain Name System', 'Multicast Domain Name System', 'Link-local Multicast Name Resolution', '[Malformed Packet'), True, [
        'dns.extraneous.length == 10', 'dns.extraneous.data', 'dns.extraneous.data contains "extra"', 'mdns && dns.extraneous.data',
        'llmnr && dns.extraneous.length > 4', 'dns.flags.response == 1 && !dns.extraneous.data']),
    'syslog': (('Syslog message', ' [truncated]Syslog message', '[Malformed Packet'), False, [
        'syslog.facility == 4', 'syslog.level == 5', 'syslog.msg contains "event"', 'syslog.hostname == "mymachine"',
        'syslog.appname == "evntslog"', 'syslog.procid == "8710"', 'syslog.msgid', 'syslog.version == "1"',
        'syslog.timestamp_rfc3164', 'syslog.timestamp', 'syslog.msgid.bom', 'syslog && !syslog.facility', 'syslog.facility == 124']),
    # (the top-level "[Duplicate IP address detected …]" item of an address conflict too)
    'arp': (('Address Resolution Protocol', '[Duplicate IP address', '[Malformed Packet'), False, [
        'arp.isannouncement', 'arp.isprobe', 'arp.isgratuitous', 'arp.opcode == 2', 'arp.opcode >= 11 && arp.opcode <= 23',
        'arp.duplicate-address-frame', 'arp.duplicate-address-frame == 34', 'arp.seconds-since-duplicate-address-frame == 1',
        'arp.src.proto_ipv4 == 10.0.0.21', 'arp.dst.drarp_error_status == 10', '_ws.expert.group == 0x02000000', '_ws.expert.message contains "Duplicate"', 'arp.duplicate-address-detected']),
    'xml': (('eXtensible Markup Language', '[Malformed Packet'), True, [
        'xml.tag contains "Envelope"', 'xml.attribute == "lang=\\"en\\""', 'xml.cdata == "7"', 'xml.xmlpi.xml.version == "1.0"',
        'xml.xmlpi.xml.standalone == "yes"', 'xml.comment', 'xml.cdatasection', 'xml.doctype == "note"', 'xml.dtdtag', 'xml.xmlpi',
        'xml.unknown', 'xml.closing_unopened_tag', 'xml.unrecognized_text', '_ws.malformed', 'xml']),
    'dnsrr': (('Domain Name System', '[Malformed Packet'), True, [
        'dns.srv.port == 5060', 'dns.srv.service == "_sip"', 'dns.svcb.svcparam.alpn == "h2"', 'dns.svcb.svcparam.ipv4hint.ip == 192.0.2.2',
        'dns.svcb.svcparam.key == 32769', 'dns.caa.issue contains "letsencrypt"', 'dns.caa.flags.issuer_critical == 1',
        'dns.tlsa.matching_type == 1', 'dns.hinfo.os == "LINUX"', 'dns.eui48 == 00:00:5e:00:53:aa', 'dns.eui64 == 00:00:5e:ef:10:00:00:2a',
        'dns.naptr.flags == "U"', 'dns.dnskey.flags.key_revoked == 1', 'dns.dnskey.key_id == 13084', 'dns.resp.type == 257',
        'dns.nsec3.flags.opt_out == 1', 'dns.sshfp.algorithm == 4', 'dns.dname == "other.example.net"', 'dns.undecoded.type',
        'dns.loc.altitude == 10004200', 'dns.tsig.noalg']),
    'icmp': (('Internet Control Message Protocol', '[Malformed Packet'), True, [
        'icmp.type == 13', 'icmp.originate_timestamp', 'icmp.resp_in == 2', 'icmp.checksum_bad', 'icmp.ext.checksum_bad',
        'icmp.ext.echo.rsp.state == 2', 'icmp.ext.echo.req.local == 1', 'icmp.int_ident.name == "eth0"', 'icmp.int_ident.index == 7',
        'icmp.int_ident.ipv4 == 192.0.2.1', 'icmp.mip.coa == 10.0.0.254', 'icmp.lifetime == 1800', 'icmp.router_address == 10.0.0.253',
        'icmp.address_mask == 255.255.255.0', '_ws.expert.group == 0x01000000', 'icmp.code == 16', 'icmp.mip.f == 1', 'icmp.pref_level < 0',
        'icmp.ext.echo.seq == 3', 'icmp.mpls.label == 16004', '_ws.malformed']),
    'ipopts': (('Internet Protocol Version 4', '[Malformed Packet'), True, [
        'ip.opt.type.number == 7', 'ip.rec_rt == 10.0.0.9', 'ip.empty_rt == 10.0.0.9', 'ip.src_rt == 10.0.0.9', 'ip.dst == 10.0.0.10',
        'ip.cur_rt == 10.0.0.2', 'ip.opt.ra == 0', 'ip.opt.flag == 1', 'ip.opt.time_stamp == 1000', 'ip.opt.sec_rfc791_sec == 0xf135',
        'ip.opt.sec_rfc791_tcc == "AB"', 'ip.opt.sid == 7', 'ip.opt.ohc == 2', 'ip.opt.mtu == 1500', 'ip.opt.qs_rate == 5',
        'ip.opt.qs_ttl_diff == 4', 'ip.opt.qs_func == 1', 'ip.cipso.doi == 1', '_ws.expert', 'ip.opt.ptr == 8']),
    'tcpopts': (('Transmission Control Protocol', '[Malformed Packet'), True, [
        'tcp.options.tfo.request', 'tcp.options.tfo.cookie', 'tcp.analysis.tfo_syn', 'tcp.options.md5', 'tcp.options.md5.digest',
        'tcp.options.user_to_granularity == 1', 'tcp.options.user_to_val == 90', 'tcp.options.qs.rate == 2',
        'tcp.options.experimental.exid == 0xab', 'tcp.option_kind == 99', 'tcp.options.sack_le == 101', 'tcp.option.len.invalid',
        'tcp.options.wscale.shift == 7', 'tcp.options.mss_val == 1460 && tcp.flags.ack == 1']),
    'httpbody': (('Hypertext Transfer Protocol', 'Line-based text data', 'JavaScript Object Notation', 'HTML Form URL Encoded',
                  '[Malformed Packet'), True, [
        'http.authbasic == "user:pass"', 'urlencoded-form.key == "password"', 'urlencoded-form.value == "s@cret 1"',
        'urlencoded-form.key == "remember"', 'json.member_with_value contains "ok"', 'http.content_encoding == "gzip"',
        'data-text-lines contains "Hello"', 'http.file_data contains "not found"', 'http.response.code == 304', 'urlencoded-form']),
    'ospf': (('Open Shortest Path First', '[Malformed Packet'), False, [
        'ospf.msg.hello', 'ospf.msg == 4', 'ospf.srcrouter == 2.2.2.2', 'ospf.hello.active_neighbor == 1.1.1.1', 'ospf.auth.type == 2',
        'ospf.v2.options.e == 1', 'ospf.v2.options.p == 1', 'ospf.dbd.ms == 1', 'ospf.lsa.router', 'ospf.lsa == 5',
        'ospf.lsa.router.linkid == 192.168.1.0', 'ospf.metric == 100', 'ospf.lsa.asext.fwdaddr == 10.1.0.9', 'ospf.advrouter == 2.2.2.2',
        'ospf.lsa.nssa', '_ws.malformed']),
    # (RPC's and its programs' lines; the reassembled READ reply's segment list too)
    'nfs': (('Remote Procedure Call', 'Network File System', 'Mount Service', 'Portmap', '[2 Reassembled TCP', '[3 Reassembled TCP',
             '[Malformed Packet', '[Packet size limited'), True, [
        'rpc.time > 0.1', 'rpc.time > 0.0006', 'nfs.status != 0', 'nfs.status3 == 70', 'rpc.procedure == 6', 'rpc.program == 100005',
        'nfs.fh.hash == 0x1b66c85b', 'nfs.name == "vm01"', 'rpc.auth.machinename contains "esx"', 'rpc.xid == 0x3a5b000a',
        'rpc.repframe == 25', 'rpc.reqframe == 27', 'rpc.msgtyp == 1 && nfs', 'nfs.procedure_v3 == 7 && rpc.msgtyp == 0',
        'nfs.write.stable == 2', 'nfs.fattr3.size > 1000000', 'nfs.access_delete == 0', 'nfs.readdirplus.entry.name == "vm01-flat.vmdk"',
        'mount.path == "/export/ds01"', 'portmap.port == 20048', 'nfs.createmode == 2', 'nfs.set_it == 2', 'nfs.offset3 == 8192',
        'rpc.lastfrag == 1 && udp', 'mount', 'portmap', 'nfs', '_ws.malformed', '_ws.short', 'rpc.time > 0.0006 && udp']),
    # (iSCSI's and SCSI's items, the Flags tshark puts at the top of the tree, the reassembled Data-In)
    'iscsi': (('iSCSI', 'SCSI', 'Flags: ', '[2 Reassembled TCP', '[Malformed Packet'), True, [
        'iscsi.opcode == 0x01', 'scsi_sbc.opcode == 0x28', 'iscsi.time > 0.01', 'scsi.status == 0x02', 'scsi.status == 0x00',
        'iscsi.scsiresponse.status == 0x02', 'scsi.sns.key == 6', 'scsi.sns.ascascq == 0x2900', 'scsi.sns.asc == 0x29', 'iscsi.login.T',
        'iscsi.login.T == 1 && iscsi.login.csg == 1', 'iscsi.keyvalue contains "MaxBurstLength"', 'iscsi.request_frame == 18',
        'iscsi.response_frame', 'iscsi.data_in_frame', 'iscsi.data_out_frame', 'scsi.response_frame == 21', 'scsi.request_frame', 'scsi.time > 0.01',
        'iscsi.initiatortasktag == 0x15', 'scsi.lun == 0', 'scsi_sbc.rdwr10.lba == 4096', 'scsi_sbc.sa == 0x10', 'scsi.inquiry.vendor_id contains "LIO"',
        'scsi.inquiry.devtype == 0', 'iscsi.taskmanfun.function == 5', 'iscsi.scsicommand.R == 1', 'iscsi.scsidata.S == 1', 'iscsi.isid.b == 0x023d',
        'scsi_sbc.lba64_add > 1000', 'scsi.reportluns.lun_list_length == 8', 'iscsi.padding', 'iscsi', 'scsi', '_ws.malformed',
        'tcp.reassembled_in == 32', 'data.len == 2048', 'iscsi.reject.reason == 9', 'iscsi.asyncevent == 1', 'scsi.inquiry.evpd.supported_page == 0xb0']),
    'dhcpopts': (('Dynamic Host Configuration Protocol', '[Malformed Packet'), True, [
        'dhcp.flags.bc == 1', 'dhcp.option.agent_information_option.agent_circuit_id', 'dhcp.option.client_system_architecture == 7',
        'dhcp.option.classless_static_route', 'dhcp.fqdn.name == "host.corp.example"', 'dhcp.fqdn.s == 1', 'dhcp.option.ntp_server == 192.168.1.12',
        'dhcp.option.netbios_over_tcpip_node_type == 8', 'dhcp.option.interface_mtu == 9000', 'dhcp.option.tftp_server_name contains "tftp"',
        'dhcp.option.vi.enterprise == 3561', 'dhcp.option.vi.tr111.device_manufacturer_oui == 0x00d09e', 'dhcp.option.vendor.pxeclient.boot_menu.desc == "Boot WDS"',
        'dhcp.client_id.uuid == 13121110-1514-1716-1819-1a1b1c1d1e1f', 'dhcp.option.user_class.text == "iPXE"',
        'dhcp.option.agent_information_option.link_selection == 192.168.1.0', 'dhcp.option.dhcp_dns_domain_search_list_fqdn == "lab.corp.example"',
        'dhcp.option.vendor.value', 'dhcp.secs_le', '_ws.expert.message contains "no room"', 'dhcp.option.value == 0102', '_ws.malformed']),
    'tls12': (('Transport Layer Security', '[Malformed Packet'), True, [
        'tls.handshake.server_curve_type == 3', 'tls.handshake.server_named_curve == 0x0017', 'tls.handshake.server_point_len == 65',
        'tls.handshake.client_point_len == 32', 'tls.handshake.client_point', 'tls.handshake.epms_len == 256', 'tls.handshake.epms',
        'tls.handshake.p_len == 256', 'tls.handshake.g == 02', 'tls.handshake.ys_len == 256', 'tls.handshake.yc_len == 256',
        'tls.handshake.yc', 'tls.handshake.sig_len == 256', 'tls.handshake.sig', 'tls.handshake.sig_hash_alg == 0x0804 && tls.handshake.sig',
        'tls.handshake.ciphersuite == 0x009c', 'tls.handshake.type == 12', '_ws.malformed', 'x509sat.CountryName == "US"',
        'x509sat.uTF8String == "California"', 'x509af.generalizedTime', 'x509ce.cA == 1', 'pkcs1.publicExponent == 65537',
        'x509af.version == 2', 'x509af.serialNumber', 'x509ce.keyIdentifier', 'x509ce.pathLenConstraint == 0',
        'x509sat.printableString == "Berlin"', 'tls.handshake.server_named_curve == 0x0018']),
    # (tshark's OBJECT IDENTIFIER fields take their value unquoted: "x509ce.KeyPurposeId == 1.3.6.1.5.5.7.3.1")
    'x509': (('Transport Layer Security', '[Malformed Packet'), True, [
        'x509ce.dNSName == "www.example.com"', 'x509ce.KeyPurposeId == 1.3.6.1.5.5.7.3.1', 'x509ce.KeyPurposeId == 1.3.6.1.5.5.7.3.2',
        'x509ce.IPAddress.ipv4 == 192.0.2.10', 'x509ce.IPAddress.ipv6 == 2001:db8::10', 'x509ce.rfc822Name contains "admin"',
        'x509ce.uniformResourceIdentifier contains "crl"', 'x509ce.GeneralName == 7', 'x509ce.KeyUsage == a0',
        'x509ce.KeyUsage.keyCertSign == 1', 'x509ce.KeyUsage.keyEncipherment == 1', 'x509ce.KeyUsage.decipherOnly == 1',
        'pkcs1.ECParameters == 1', 'pkcs1.namedCurve == 1.3.132.0.34', 'x509af.algorithm.id == 1.2.840.10045.4.3.3',
        'pkix1implicit.accessMethod == 1.3.6.1.5.5.7.48.2', 'x509ce.distributionPoint == 0', 'x509ce.policyIdentifier == 2.23.140.1.2.1',
        'pkix1explicit.DirectoryString contains "cps"', 'x509ce.pathLenConstraint == 0', 'tls.sct.scts_length == 114',
        'tls.sct.sct_logid == fa:d4:c9:7c:c4:9e:e2:f8:ac:85:c5:ea:5c:ea:09:d0:22:0d:bb:f4:e4:9c:6b:50:66:2f:f8:68:f8:6b:8c:28',
        'tls.handshake.sig_hash_alg == 0x0403', 'x509ce.SubjectKeyIdentifier', 'x509af.critical == 1 && x509ce.cA == 1',
        'x509sat.uTF8String == "Decapod Test Constrained CA"', 'x509sat.PrintableString == "1234567"', 'x509sat.IA5String == "example"',
        'x509sat.CountryName == "US" && x509sat.uTF8String == "Private Organization"', 'pkix1explicit.Features_item == 5',
        'pkcs1.namedCurve == 1.3.132.0.35', 'x509ce.IPAddress.ipv4 == 10.1.2.3', 'x509ce.authorityCertSerialNumber == 10:04',
        'x509ce.directoryName == 0', 'x509af.rdnSequence == 6', 'x509if.rdnSequence == 6', 'pkix1implicit.noticeNumbers_item == 2',
        'pkix1implicit.utf8String contains "reliance"', 'pkix1implicit.bmpString == "Two-byte text"', 'pkix1implicit.explicitText == 2',
        'x509sat.BMPString == "DomainController"', 'x509sat.Integer == 65537', 'x509ce.templateMajorVersion == 100', 'x509sat.OctetString',
        '_ws.malformed']),
}


def tshark(pcap, two_pass, *args):
    cmd = ['tshark', '-n'] + (['-2'] if two_pass else []) + ['-r', pcap] + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def lines(name):
    titles, two_pass, filters = PROTOCOLS[name]
    pcap = os.path.join(ROOT, 'test', 'fixtures', name, '%s-cases.pcap' % name)
    out = {'layers': {}, 'columns': {}, 'filters': {}}
    frame, on = None, False
    for line in tshark(pcap, two_pass, '-V').splitlines():
        m = re.match(r'Frame (\d+): ', line)
        if m:
            frame = m.group(1)
            out['layers'][frame] = []
        # (a top-level line too long for proto.c starts " [truncated]"; the hex dump tshark prints
        # for a data source inside a layer, as after an ICMP message's "Data (8 bytes)", is no line
        # of the tree)
        if re.match(r'[0-9a-f]{4}  ', line):
            continue
        if line and (not line.startswith(' ') or line.startswith(' [truncated]')):
            on = line.startswith(titles)
        if on and line:
            out['layers'][frame].append(line)
    for line in tshark(pcap, two_pass, '-T', 'fields', '-e', 'frame.number', '-e', '_ws.col.Protocol', '-e', '_ws.col.Info', '-e', 'frame.protocols').splitlines():
        n, *rest = line.split('\t')
        out['columns'][n] = rest
    for flt in filters:
        out['filters'][flt] = [int(x) for x in tshark(pcap, two_pass, '-Y', flt, '-T', 'fields', '-e', 'frame.number').split()]
    return out


for name in sys.argv[1:] or sorted(PROTOCOLS):
    path = os.path.join(ROOT, 'test', 'fixtures', name, '%s-lines.json' % name)
    with open(path, 'w') as f:
        f.write(json.dumps(lines(name), indent=1) + '\n')
    print('wrote %s' % os.path.normpath(path))
