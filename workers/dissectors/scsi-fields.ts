// The fields of Wireshark 4.0's SCSI dissectors (packet-scsi.c, packet-scsi-sbc.c) that Decapod
// fills, as `tshark -G fields` lists them; value names from scsi-names.ts. A few lines tshark writes
// itself (proto_tree_add_uint_format: "[Command Set:Direct Access Device (0x00) ]", "CMDT = 0, EVPD
// = 0", the LUN's "Simple logical unit addressing") are set by the dissector over these fields.

import { Base, FT, names, registerFields, type FieldSpec } from '../fields/registry.ts';
import {
  ASC_ASCQ, DEVICE_TYPES, EVPD_PAGES, INQUIRY_QUALIFIERS, INQUIRY_VERSIONS, MODE_PAGE_CONTROL, RESPONSE_DATA_FORMATS, SBC_OPCODES,
  SBC_SERVICE_ACTIONS, SCSI_STATUS, SELECT_REPORT, SENSE_ERROR_TYPES, SENSE_KEYS, SPC_MODE_PAGES, TPGS,
} from './scsi-names.ts';

export const SBC_OPCODE_NAMES = names(SBC_OPCODES);
export const SCSI_STATUS_NAMES = names(SCSI_STATUS);
export const DEVICE_TYPE_NAMES = names(DEVICE_TYPES);
export const QUALIFIER_NAMES = names(INQUIRY_QUALIFIERS);
export const TPGS_NAMES = names(TPGS);
export const RDF_NAMES = names(RESPONSE_DATA_FORMATS);
export const SA_NAMES = names(SBC_SERVICE_ACTIONS);

const TF = ['True', 'False'] as const;
const bool = (name: string, label: string, mask: number, tf: readonly [string, string] = TF, bits = 8): FieldSpec => ({ name, label, type: FT.BOOLEAN, bits, mask, tf });
const hex = (name: string, label: string, bits = 8, mask = 0): FieldSpec => ({ name, label, type: FT.UINT, base: Base.HEX, bits, mask });
const dec = (name: string, label: string, bits = 8, mask = 0): FieldSpec => ({ name, label, type: FT.UINT, base: Base.DEC, bits, mask });
const str = (name: string, label: string): FieldSpec => ({ name, label, type: FT.STRING });
const NACA = ['ACA is set', 'Normal ACA is not set'] as const;

export const S = registerFields({
  scsi: { name: 'scsi', label: 'SCSI', type: FT.PROTOCOL },
  lun: hex('scsi.lun', 'LUN', 16),
  lunAddressMode: hex('scsi.lun.address_mode', 'Address Mode', 8, 0xc0),
  requestFrame: { name: 'scsi.request_frame', label: 'Request in', type: FT.FRAMENUM },
  responseFrame: { name: 'scsi.response_frame', label: 'Response in', type: FT.FRAMENUM },
  time: { name: 'scsi.time', label: 'Time from request', type: FT.RELATIVE_TIME },
  status: { name: 'scsi.status', label: 'Status', type: FT.UINT, base: Base.HEX, bits: 8, names: SCSI_STATUS_NAMES },
  opcode: { name: 'scsi_sbc.opcode', label: 'Opcode', type: FT.UINT, base: Base.HEX, bits: 8, names: SBC_OPCODE_NAMES },
  // the CDB's control byte (and INQUIRY's, under its own names)
  control: hex('scsi.cdb.control', 'Control'),
  controlVendor: hex('scsi.cdb.control.vendorspecific', 'Vendor specific', 8, 0xc0),
  controlReserved: hex('scsi.cdb.control.reserved', 'Reserved', 8, 0x38),
  controlNaca: bool('scsi.cdb.control.naca', 'NACA', 0x04, NACA),
  controlObs1: hex('scsi.cdb.control.obs1', 'Obsolete', 8, 0x02),
  controlObs2: hex('scsi.cdb.control.obs2', 'Obsolete', 8, 0x01),
  inqControl: hex('scsi.cdb.inq.control', 'Control'),
  inqControlVendor: hex('scsi.inquiry.control.vendorspecific', 'Vendor specific', 8, 0xc0),
  inqControlReserved: hex('scsi.inquiry.control.reserved', 'Reserved', 8, 0x38),
  inqControlNaca: bool('scsi.inquiry.control.naca', 'NACA', 0x04, NACA),
  inqControlObs1: hex('scsi.inquiry.control.obs1', 'Obsolete', 8, 0x02),
  inqControlObs2: hex('scsi.inquiry.control.obs2', 'Obsolete', 8, 0x01),
  alloclen: dec('scsi.cdb.alloclen', 'Allocation Length'),
  alloclen16: dec('scsi.cdb.alloclen16', 'Allocation Length', 16),
  alloclen32: dec('scsi.cdb.alloclen32', 'Allocation Length', 32),
  // INQUIRY
  inqFlags: hex('scsi.inquiry.flags', 'Inquiry Flags'),
  peripheral: hex('scsi.inquiry.peripheral', 'Peripheral'),
  qualifier: { name: 'scsi.inquiry.qualifier', label: 'Qualifier', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xe0, names: QUALIFIER_NAMES },
  devtype: { name: 'scsi.inquiry.devtype', label: 'Device Type', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x1f, names: DEVICE_TYPE_NAMES },
  rmbFlags: hex('scsi.inquiry.rmbflags', 'Inquiry RMB Flags'),
  removable: bool('scsi.inquiry.removable', 'Removable', 0x80, ['This is a REMOVABLE device', 'This device is NOT removable']),
  version: { name: 'scsi.inquiry.version', label: 'Version', type: FT.UINT, base: Base.HEX, bits: 8, names: names(INQUIRY_VERSIONS) },
  acaFlags: hex('scsi.inquiry.acaflags', 'Inquiry ACA Flags'),
  normaca: bool('scsi.inquiry.normaca', 'NormACA', 0x20, ['NormACA is SUPPORTED', 'Normaca is NOT supported']),
  hisup: bool('scsi.inquiry.hisup', 'HiSup', 0x10, ['Hierarchical addressing mode is SUPPORTED', 'Hierarchical addressing mode is NOT supported']),
  rdf: { name: 'scsi.inquiry.rdf', label: 'Response Data Format', type: FT.UINT, base: Base.DEC, bits: 8, mask: 0x0f, names: RDF_NAMES },
  addLen: dec('scsi.inquiry.add_len', 'Additional Length'),
  sccsFlags: hex('scsi.inquiry.sccsflags', 'Inquiry SCCS Flags'),
  sccs: bool('scsi.inquiry.sccs', 'SCCS', 0x80, ['Scc is SUPPORTED', 'Scc is NOT supported']),
  acc: bool('scsi.inquiry.acc', 'ACC', 0x40, ['Access control coordinator may be addressed', 'Access control coordinator NOT supported']),
  tpgs: { name: 'scsi.inquiry.tpgs', label: 'TPGS', type: FT.UINT, base: Base.DEC, bits: 8, mask: 0x30, names: TPGS_NAMES },
  tpc: bool('scsi.inquiry.tpc', '3PC', 0x08, ['Third party copy is SUPPORTED', 'Third party copy is NOT supported']),
  protect: bool('scsi.inquiry.protect', 'Protect', 0x01, ['Protection information is SUPPORTED', 'Protection information NOT supported']),
  bqueFlags: hex('scsi.inquiry.bqueflags', 'Inquiry BQue Flags'),
  bque: bool('scsi.inquiry.bque', 'BQue', 0x80, ['BQue is SUPPORTED', 'Bque is NOT supported']),
  encserv: bool('scsi.inquiry.encserv', 'EncServ', 0x40, ['Enclosed services is SUPPORTED', 'Enclosed services is NOT supported']),
  multip: bool('scsi.inquiry.multip', 'MultiP', 0x10, ['This is a MULTIPORT device', 'This is NOT a multiport device']),
  reladrFlags: hex('scsi.inquiry.reladrflags', 'Inquiry RelAdr Flags'),
  cmdque: bool('scsi.inquiry.cmdque', 'CmdQue', 0x02, ['Command queuing is SUPPORTED', 'Command queuing is NOT supported']),
  vendorId: str('scsi.inquiry.vendor_id', 'Vendor Id'),
  productId: str('scsi.inquiry.product_id', 'Product Id'),
  productRev: str('scsi.inquiry.product_rev', 'Product Revision Level'),
  // REPORT LUNS
  selectReport: { name: 'scsi.spc.select_report', label: 'Select Report', type: FT.UINT, base: Base.HEX, bits: 8, names: names(SELECT_REPORT) },
  lunListLength: dec('scsi.reportluns.lun_list_length', 'LUN List Length', 32),
  // MODE SENSE(6)
  modeFlags: hex('scsi.mode.flags', 'Mode Sense Flags'),
  modePc: { name: 'scsi.mode.pc', label: 'Page Control', type: FT.UINT, base: Base.DEC, bits: 8, mask: 0xc0, names: names(MODE_PAGE_CONTROL) },
  modePage: { name: 'scsi.mode.spc.pagecode', label: 'SPC-2 Page Code', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x3f, names: names(SPC_MODE_PAGES) },
  modeDataLength: dec('scsi.cdb.mode.mode_data_length', 'Mode Data Length'),
  mediumType: hex('scsi.cdb.mode.medium_type', 'Medium Type'),
  deviceSpecific: hex('scsi.cdb.mode.device_specific_parameter', 'Device-Specific Parameter'),
  blockDescriptorLength: dec('scsi.cdb.mode.block_descriptor_length', 'Block Descriptor Length'),
  // sense data (fixed format)
  snsErrType: { name: 'scsi.sns.errtype', label: 'SNS Error Type', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x7f, names: names(SENSE_ERROR_TYPES) },
  snsValid: dec('scsi.sns.valid', 'Valid'),
  snsFilemark: bool('scsi.sns.filemark', 'Filemark', 0x80),
  snsEom: bool('scsi.sns.eom', 'EOM', 0x40),
  snsIli: bool('scsi.sns.ili', 'ILI', 0x20),
  snsKey: { name: 'scsi.sns.key', label: 'Sense Key', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x0f, names: names(SENSE_KEYS) },
  snsInfo: hex('scsi.sns.info', 'Sense Info', 32),
  snsAddLen: dec('scsi.sns.addlen', 'Additional Sense Length'),
  snsCsi: { name: 'scsi.sns.command_specific_information', label: 'Command-Specific Information', type: FT.BYTES },
  snsAsc: hex('scsi.sns.asc', 'Additional Sense Code'),
  snsAscq: hex('scsi.sns.ascq', 'Additional Sense Code Qualifier'),
  snsAscAscq: { name: 'scsi.sns.ascascq', label: 'Additional Sense Code+Qualifier', type: FT.UINT, base: Base.HEX, bits: 16, names: names(ASC_ASCQ) },
  snsFru: hex('scsi.sns.fru', 'Field Replaceable Unit Code'),
  snsSksv: bool('scsi.sns.sksv', 'SKSV', 0x80),
  snsSks: hex('scsi.sns.sks_info', 'Sense Key Specific', 24, 0x7fffff),
  // SBC: READ / WRITE / SYNCHRONIZE CACHE / READ CAPACITY
  sa: { name: 'scsi_sbc.sa', label: 'Service Action', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x1f, names: SA_NAMES },
  rwFlags: hex('scsi_sbc.read.flags', 'Flags'),
  rdprotect: hex('scsi_sbc.rdprotect', 'RDPROTECT', 8, 0xe0),
  wrprotect: hex('scsi_sbc.wrprotect', 'WRPROTECT', 8, 0xe0),
  dpo: bool('scsi_sbc.dpo', 'DPO', 0x10, ['Disable page out is ENABLED (cache this data)', 'Disable page out is DISABLED (cache this data)']),
  fua: bool('scsi_sbc.fua', 'FUA', 0x08, ['Read from the medium, not cache', 'Read from cache if possible']),
  fuaNv: bool('scsi_sbc.fua_nv', 'FUA_NV', 0x02, ['Read from non-volatile cache', 'Read from volatile or non-volatile cache permitted']),
  lba10: dec('scsi_sbc.rdwr10.lba', 'Logical Block Address (LBA)', 32),
  xferlen10: dec('scsi_sbc.rdwr10.xferlen', 'Transfer Length', 16),
  group: hex('scsi_sbc.group', 'Group', 8, 0x1f),
  syncFlags: hex('scsi_sbc.synccache.flags', 'Flags'),
  syncNv: bool('scsi_sbc.synccache.sync_nv', 'SYNC_NV', 0x04),
  syncImmed: bool('scsi_sbc.synccache.immediate', 'Immediate', 0x02),
  alloclenSbc32: dec('scsi_sbc.alloclen32', 'Allocation Length', 32),
  lba64: { name: 'scsi_sbc.lba64_add', label: 'Logical Block Address', type: FT.UINT, base: Base.DEC, bits: 64 },
  blockSize: dec('scsi_sbc.blocksize', 'Block size in bytes', 32),
  protEn: bool('scsi_sbc.prot_en', 'PROT_EN', 0x01),
  pIExponent: dec('scsi_sbc.p_i_exponent', 'P_I_EXPONENT', 8, 0xf0),
  lbppbe: dec('scsi_sbc.lbppbe', 'LOGICAL_BLOCKS_PER_PHYSICAL_BLOCK_EXPONENT', 8, 0x0f),
  lbpme: bool('scsi_sbc.lbpme', 'LBPME (logical block provisioning management enabled) / TPE', 0x80),
  lbprz: bool('scsi_sbc.lbprz', 'LBPRZ (logical block provisioning read zeros) / TPRZ', 0x40),
  lalba: dec('scsi_sbc.lalba', 'LOWEST_ALIGNED_LBA', 16, 0x3fff),
});

export const EVPD_PAGE_NAMES = names(EVPD_PAGES);

export const S2 = registerFields({
  evpdPage: { name: 'scsi.inquiry.evpd.pagecode', label: 'EVPD Page Code', type: FT.UINT, base: Base.HEX, bits: 8, names: EVPD_PAGE_NAMES },
  evpdPageLength: dec('scsi.inquiry.evpd.pagelength', 'Page Length', 16),
  evpdSupportedPage: { name: 'scsi.inquiry.evpd.supported_page', label: 'Supported Page', type: FT.UINT, base: Base.HEX, bits: 8, names: EVPD_PAGE_NAMES },
  evpdSerial: str('scsi.inquiry.evpd.product_serial_number', 'Product Serial Number'),
  returnedLba: dec('scsi_sbc.returned_lba', 'LBA', 32),
  lba16: { name: 'scsi_sbc.rdwr16.lba', label: 'Logical Block Address (LBA)', type: FT.BYTES },
  xferlen12: dec('scsi_sbc.rdwr12.xferlen', 'Transfer Length', 32),
});
