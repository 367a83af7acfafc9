#!/bin/sh
# Writes test/fixtures/http/http.pcap, the HTTP exchanges of scripts/http-exchange.py captured on
# the loopback interface; http.tsv, tshark's values of the HTTP fields Decapod dissects (every
# occurrence, one pass as `decapod fields` reads a file); and http-columns.tsv, its Protocol and
# Info columns (-2, as the packet list shows them), as test/workers/dissectors/http.test.ts
# compares them; http-drop6-columns.tsv, the columns with frame 6 left out (editcap); and the same
# three for json.pcap, JSON bodies (scripts/http-exchange.py json).
# Needs tcpdump (and root for it) and tshark (the corpus was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/http
tmp=$(mktemp -d)
trap 'kill $dump 2>/dev/null || true; rm -rf "$tmp"' EXIT
tcpdump -i lo -w "$tmp/http.pcap" -U 'tcp port 80 or tcp port 8080' 2>/dev/null &
dump=$!
sleep 1
python3 scripts/http-exchange.py
sleep 1
kill $dump
sleep 1
cp "$tmp/http.pcap" $out/http.pcap
fields="http.request http.response http.request.method http.request.uri http.request.uri.path http.request.uri.query
 http.request.uri.query.parameter http.request.version http.response.version http.response.code http.response.code.desc
 http.response.phrase http.request.line http.response.line http.host http.user_agent http.accept http.accept_language
 http.accept_encoding http.cookie http.referer http.server http.location http.content_type http.content_length_header
 http.content_length http.transfer_encoding http.connection http.request.full_uri http.request_number http.response_number
 http.file_data http.chunk_size tcp.reassembled_in"
args=""
for f in $fields; do args="$args -e $f"; done
echo $fields | tr ' ' '\t' > $out/http.tsv
# shellcheck disable=SC2086
tshark -n -r $out/http.pcap -T fields -E occurrence=a $args 2>/dev/null >> $out/http.tsv
tshark -n -2 -r $out/http.pcap -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null > $out/http-columns.tsv
# the columns with frame 6 missing (a lost segment: TCP's analysis notes, and what HTTP makes of it)
editcap $out/http.pcap "$tmp/drop.pcap" 6 >/dev/null
tshark -n -2 -r "$tmp/drop.pcap" -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null > $out/http-drop6-columns.tsv
echo "wrote $(($(wc -l < $out/http.tsv) - 1)) frames to $out/http.tsv and http-columns.tsv"
# JSON bodies (scripts/http-exchange.py json): json.pcap, its JSON fields and columns
tcpdump -i lo -w "$tmp/json.pcap" -U 'tcp port 80' 2>/dev/null &
dump=$!
sleep 1
python3 scripts/http-exchange.py json
sleep 1
kill $dump
sleep 1
cp "$tmp/json.pcap" $out/json.pcap
fields="json.member json.key json.value.string json.value.number json.path json.path_with_value json.member_with_value
 json.object json.array json.value.true json.value.false json.value.null"
args=""
for f in $fields; do args="$args -e $f"; done
echo $fields | tr ' ' '\t' > $out/json.tsv
# shellcheck disable=SC2086
tshark -n -r $out/json.pcap -T fields -E occurrence=a $args 2>/dev/null >> $out/json.tsv
tshark -n -2 -r $out/json.pcap -T fields -e _ws.col.Protocol -e _ws.col.Info 2>/dev/null > $out/json-columns.tsv
echo "wrote $(($(wc -l < $out/json.tsv) - 1)) frames to $out/json.tsv and json-columns.tsv"
