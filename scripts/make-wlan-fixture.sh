#!/bin/sh
# Writes test/fixtures/wlan/ieee802.11_exthdr.tsv: tshark's values of the 802.11 header and
# management-body fields Decapod dissects, every occurrence, for every frame of the corpus's
# ieee802.11_exthdr.pcap (probe, authentication and association exchanges, ACKs, null data), as
# test/workers/dissectors/ieee80211.test.ts compares them. Header line first. Needs tshark (the
# corpus was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
fields="wlan.fc.type_subtype wlan.seq wlan.frag wlan.flags wlan.fcs wlan.fixed.timestamp wlan.fixed.beacon
 wlan.fixed.capabilities wlan.fixed.listen_ival wlan.fixed.status_code wlan.fixed.aid wlan.fixed.auth.alg
 wlan.fixed.auth_seq wlan.fixed.reason_code wlan.tag.number wlan.tag.length wlan.ssid wlan.supported_rates
 wlan.extended_supported_rates wlan.ds.current_channel"
args=""
for f in $fields; do args="$args -e $f"; done
mkdir -p test/fixtures/wlan
out=test/fixtures/wlan/ieee802.11_exthdr.tsv
echo $fields | tr ' ' '\t' > "$out"
# shellcheck disable=SC2086
tshark -n -r ../shared/corpus/captures/ieee802.11_exthdr.pcap -T fields -E occurrence=a $args 2>/dev/null >> "$out"
echo "wrote $(($(wc -l < "$out") - 1)) frames to $out"
