#!/bin/sh
# Writes test/fixtures/ssh/<capture>.tsv: tshark's values of the SSH fields Decapod dissects, every
# occurrence, for every frame of the corpus captures that carry SSH (a whole handshake inside
# Geneve, a client-only handshake over InfiniBand, an HTTP request sent to an SSH server), as
# test/workers/dissectors/ssh.test.ts compares them. Header line first. Needs tshark (the corpus
# was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
fields="ssh.protocol ssh.packet_length ssh.padding_length ssh.message_code ssh.cookie ssh.kex_algorithms_length
 ssh.kex_algorithms ssh.server_host_key_algorithms ssh.encryption_algorithms_client_to_server
 ssh.mac_algorithms_server_to_client ssh.compression_algorithms_client_to_server ssh.languages_server_to_client_length
 ssh.first_kex_packet_follows ssh.kex.reserved ssh.padding_string ssh.packet_length_encrypted ssh.encrypted_packet
 ssh.mac ssh.direction ssh.seq_num ssh.kex.hassh_algorithms ssh.kex.hassh ssh.kex.hasshserver_algorithms
 ssh.kex.hasshserver ssh.host_key.length ssh.host_key.type_length ssh.host_key.type ssh.host_key.rsa.e
 ssh.host_key.rsa.n ssh.host_sig.length ssh.host_sig.type ssh.host_sig.rsa ssh.dh.e ssh.dh.f ssh.dh_gex.min
 ssh.dh_gex.nbits ssh.dh_gex.max ssh.dh_gex.p ssh.dh_gex.g ssh.mpint_length ssh.payload"
args=""
for f in $fields; do args="$args -e $f"; done
for capture in geneve.pcap ipoib.pcap get-to-ssh-server.pcap; do
  out=test/fixtures/ssh/${capture%.*}.tsv
  echo $fields | tr ' ' '\t' > "$out"
  # shellcheck disable=SC2086
  tshark -n -r ../shared/corpus/captures/$capture -T fields -E occurrence=a $args 2>/dev/null >> "$out"
  echo "wrote $(($(wc -l < "$out") - 1)) frames to $out"
done
