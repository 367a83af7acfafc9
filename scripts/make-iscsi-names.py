#!/usr/bin/env python3
"""Write workers/dissectors/scsi-names.ts: the value names the iSCSI and SCSI dissectors show (iSCSI
opcodes, login status and stages, task attributes, logout reasons and responses, task management
functions, reject reasons, async events; SCSI status, SBC opcodes and service actions, sense keys,
error types and ASC/ASCQ names, inquiry's qualifier, device types, versions, formats and VPD pages, the REPORT
LUNS selection and MODE SENSE's page control and pages), as Wireshark's packet-iscsi.c, packet-scsi.c
and packet-scsi-sbc.c have them, from the tshark the fixtures were decoded with (`tshark -G values`).

Usage: scripts/make-iscsi-names.py   (needs tshark; standard-library Python)
"""
import os

from tshark_values import field_values, first_names, write_names_file

ROOT = os.path.join(os.path.dirname(__file__), '..')
FIELDS = {
    'iscsi.opcode': 'ISCSI_OPCODES',
    'iscsi.login.status': 'LOGIN_STATUS',
    'iscsi.login.csg': 'LOGIN_STAGES',
    'iscsi.isid.t': 'ISID_TYPES',
    'iscsi.scsicommand.attr': 'TASK_ATTRIBUTES',
    'iscsi.scsiresponse.response': 'SCSI_RESPONSES',
    'iscsi.logout.reason': 'LOGOUT_REASONS',
    'iscsi.logout.response': 'LOGOUT_RESPONSES',
    'iscsi.taskmanfun.function': 'TMF_FUNCTIONS',
    'iscsi.taskmanfun.response': 'TMF_RESPONSES',
    'iscsi.reject.reason': 'REJECT_REASONS',
    'iscsi.asyncevent': 'ASYNC_EVENTS',
    'scsi.status': 'SCSI_STATUS',
    'scsi_sbc.opcode': 'SBC_OPCODES',
    'scsi_sbc.sa': 'SBC_SERVICE_ACTIONS',
    'scsi.sns.key': 'SENSE_KEYS',
    'scsi.sns.errtype': 'SENSE_ERROR_TYPES',
    'scsi.sns.ascascq': 'ASC_ASCQ',
    'scsi.inquiry.qualifier': 'INQUIRY_QUALIFIERS',
    'scsi.inquiry.devtype': 'DEVICE_TYPES',
    'scsi.inquiry.version': 'INQUIRY_VERSIONS',
    'scsi.inquiry.rdf': 'RESPONSE_DATA_FORMATS',
    'scsi.inquiry.tpgs': 'TPGS',
    'scsi.inquiry.evpd.pagecode': 'EVPD_PAGES',
    'scsi.spc.select_report': 'SELECT_REPORT',
    'scsi.mode.pc': 'MODE_PAGE_CONTROL',
    'scsi.mode.spc.pagecode': 'SPC_MODE_PAGES',
}

values = first_names(field_values(FIELDS))
path = os.path.join(ROOT, 'workers', 'dissectors', 'scsi-names.ts')
write_names_file(path, 'scripts/make-iscsi-names.py', 'The value names of packet-iscsi.c, packet-scsi.c and packet-scsi-sbc.c.', FIELDS, values)
print('wrote %s: %s' % (os.path.normpath(path), ', '.join('%d %s' % (len(values[k]), v) for k, v in FIELDS.items())))
