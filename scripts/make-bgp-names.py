#!/usr/bin/env python3
"""Write workers/dissectors/bgp-names.ts: the value names the BGP dissector shows (message types,
optional parameters, capabilities, subsequent address families (the AFIs are in afn-names.ts), path attribute types, notification error
codes, extended community types and subtypes, EVPN route types, PMSI tunnel types), as
Wireshark's packet-bgp.c has them, from the tshark the corpus was decoded with (`tshark -G values`).

Usage: scripts/make-bgp-names.py   (needs tshark; standard-library Python)
"""
import os

from tshark_values import field_values, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'bgp.type': 'MESSAGE_TYPES',
    'bgp.open.opt.param.type': 'PARAMETER_TYPES',
    'bgp.cap.type': 'CAPABILITY_TYPES',
    'bgp.cap.mp.safi': 'SAFIS',
    'bgp.cap.ap.sendreceive': 'ADD_PATH_DIRECTIONS',
    'bgp.update.path_attribute.type_code': 'ATTRIBUTE_TYPES',
    'bgp.update.path_attribute.origin': 'ORIGINS',
    'bgp.update.path_attribute.as_path_segment.type': 'SEGMENT_TYPES',
    'bgp.update.path_attribute.community_wellknown': 'WELL_KNOWN_COMMUNITIES',
    'bgp.notify.major_error': 'MAJOR_ERRORS',
    'bgp.notify.minor_error': 'MINOR_HEADER_ERRORS',
    'bgp.notify.minor_error_open': 'MINOR_OPEN_ERRORS',
    'bgp.notify.minor_error_update': 'MINOR_UPDATE_ERRORS',
    'bgp.notify.minor_error_state': 'MINOR_STATE_ERRORS',
    'bgp.notify.minor_error_cease': 'MINOR_CEASE_ERRORS',
    'bgp.notify.minor_error_capability': 'MINOR_CAPABILITY_ERRORS',
    'bgp.route_refresh.subtype': 'ROUTE_REFRESH_SUBTYPES',
    'bgp.ext_com.type': 'EXT_COMMUNITY_TYPES',
    'bgp.ext_com.stype_tr_as2': 'EXT_SUBTYPES_AS2',
    'bgp.ext_com.stype_ntr_as2': 'EXT_SUBTYPES_NON_TRANSITIVE_AS2',
    'bgp.ext_com.stype_tr_as4': 'EXT_SUBTYPES_AS4',
    'bgp.ext_com.stype_tr_IP4': 'EXT_SUBTYPES_IP4',
    'bgp.ext_com.stype_tr_opaque': 'EXT_SUBTYPES_OPAQUE',
    'bgp.ext_com.stype_tr_evpn': 'EXT_SUBTYPES_EVPN',
    'bgp.ext_com.tunnel_type': 'TUNNEL_TYPES',
    'bgp.evpn.nlri.rt': 'EVPN_ROUTE_TYPES',
    'bgp.evpn.nlri.esi.type': 'ESI_TYPES',
    'bgp.update.path_attribute.pmsi.tunnel.type': 'PMSI_TUNNEL_TYPES',
}

values = field_values(FIELDS)
path = os.path.join(ROOT, 'workers', 'dissectors', 'bgp-names.ts')
write_names_file(path, 'scripts/make-bgp-names.py', 'The value names of packet-bgp.c.', FIELDS, values, '%d')
print('wrote %s: %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items())))
