#!/bin/sh
# Writes test/fixtures/tls/tls.pcap, TLS sessions captured on the loopback interface;
# test/fixtures/tls/tls.tsv, tshark's values of the TLS fields Decapod dissects (every occurrence,
# one pass as `decapod fields` reads a file); and tls-columns.tsv, its Protocol and Info columns
# (-2, as the packet list shows them), as test/workers/dissectors/tls.test.ts compares them; and
# tls-4433.pcap with its tls-4433-columns.tsv, the sessions moved to port 4433 (TLS's heuristic);
# and tls-drop26-columns.tsv, the columns with frame 26 left out (editcap). The sessions, all to TCP port 443:
#   1. TLS 1.2 with SNI and ALPN (openssl s_client -tls1_2), an HTTP request, closed with alerts;
#   2. TLS 1.3 (-tls1_3): the encrypted handshake as Application Data records;
#   3. a handshake the server refuses (a cipher its ECDSA key cannot use): a plaintext alert;
#   4. session 1's bytes replayed in small segments (scripts/tls-replay.py), so that records and
#      handshake flights span TCP segments and must be reassembled;
#   5. 200 zero bytes (what the benchmark capture sends to port 443: "Continuation Data").
# Needs openssl, tcpdump and tshark (the corpus was decoded with 4.0.17), and root for tcpdump.
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/tls
tmp=$(mktemp -d)
trap 'kill $server $dump 2>/dev/null || true; rm -rf "$tmp"' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -keyout "$tmp/key.pem" -out "$tmp/cert.pem" \
  -days 3650 -nodes -subj "/CN=decapod.test" 2>/dev/null
tcpdump -i lo -w "$tmp/tls.pcap" -U 'tcp port 443' 2>/dev/null &
dump=$!
sleep 1
openssl s_server -accept 443 -cert "$tmp/cert.pem" -key "$tmp/key.pem" -www -quiet >/dev/null 2>&1 &
server=$!
sleep 1
request='GET / HTTP/1.0\r\n\r\n'
printf "$request" | timeout 5 openssl s_client -connect 127.0.0.1:443 -servername decapod.test -tls1_2 -alpn http/1.1 -ign_eof >/dev/null 2>&1
printf "$request" | timeout 5 openssl s_client -connect 127.0.0.1:443 -servername decapod.test -tls1_3 -ign_eof >/dev/null 2>&1
printf "$request" | timeout 5 openssl s_client -connect 127.0.0.1:443 -tls1_2 -cipher AES128-SHA >/dev/null 2>&1 || true
kill $server
sleep 1
python3 scripts/tls-replay.py "$tmp/tls.pcap"
sleep 1
kill $dump
sleep 1
cp "$tmp/tls.pcap" $out/tls.pcap
fields="tls.record.content_type tls.record.opaque_type tls.record.version tls.record.length tls.handshake.type
 tls.handshake.length tls.handshake.version tls.handshake.random tls.handshake.random_time tls.handshake.random_bytes
 tls.handshake.session_id_length tls.handshake.session_id tls.handshake.cipher_suites_length tls.handshake.ciphersuite
 tls.handshake.comp_methods_length tls.handshake.comp_method tls.handshake.extensions_length tls.handshake.extension.type
 tls.handshake.extension.len tls.handshake.extension.data tls.handshake.extensions_server_name_list_len
 tls.handshake.extensions_server_name_type tls.handshake.extensions_server_name_len tls.handshake.extensions_server_name
 tls.handshake.extensions_alpn_len tls.handshake.extensions_alpn_str_len tls.handshake.extensions_alpn_str
 tls.handshake.extensions.supported_versions_len tls.handshake.extensions.supported_version
 tls.handshake.extensions_supported_groups_length tls.handshake.extensions_supported_group
 tls.handshake.extensions_ec_point_formats_length tls.handshake.extensions_ec_point_format
 tls.handshake.certificates_length tls.handshake.certificate_length tls.alert_message.level tls.alert_message.desc
 tls.app_data tls.app_data_proto tls.change_cipher_spec tcp.segment_data tcp.reassembled_in"
args=""
for f in $fields; do args="$args -e $f"; done
echo $fields | tr ' ' '\t' > $out/tls.tsv
# shellcheck disable=SC2086
tshark -n -r $out/tls.pcap -T fields -E occurrence=a $args 2>/dev/null >> $out/tls.tsv
tshark -n -2 -r $out/tls.pcap -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null > $out/tls-columns.tsv
# the same sessions on port 4433, which only TLS's heuristic finds
python3 scripts/pcap-move-port.py $out/tls.pcap $out/tls-4433.pcap 443 4433
tshark -n -2 -r $out/tls-4433.pcap -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null > $out/tls-4433-columns.tsv
# the columns with frame 26 missing (a lost segment: TCP's analysis notes, and what TLS makes of it)
editcap $out/tls.pcap "$tmp/drop.pcap" 26 >/dev/null
tshark -n -2 -r "$tmp/drop.pcap" -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null > $out/tls-drop26-columns.tsv
echo "wrote $(($(wc -l < $out/tls.tsv) - 1)) frames to $out/tls.tsv, tls-columns.tsv and tls-4433-columns.tsv"
