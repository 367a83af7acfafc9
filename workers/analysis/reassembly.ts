// Reassembly state shared by all packets of one capture: IPv4/IPv6 fragments and TCP PDUs.
// (Filled in by the IP and TCP layers.)

export class Reassembly {
  reset(): void {}
}
