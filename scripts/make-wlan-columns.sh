#!/bin/sh
# Writes test/fixtures/wlan/address-columns.tsv: tshark's Source and Destination columns for every
# frame of the corpus's ieee802.11_exthdr.pcap and of test/fixtures/radiotap/radiotap-cases.pcap
# (802.11's SA and DA, or a control frame's "… (RA)" and "… (TA)"; IP's addresses when the frame
# carries IP), as test/workers/dissectors/ieee80211.test.ts compares them. Needs tshark (4.0.17).
set -e
cd "$(dirname "$0")/.."
out=test/fixtures/wlan/address-columns.tsv
printf 'capture\tframe\tsource\tdestination\n' > "$out"
for f in ../shared/corpus/captures/ieee802.11_exthdr.pcap test/fixtures/radiotap/radiotap-cases.pcap; do
  tshark -n -r "$f" -T fields -e frame.number -e _ws.col.Source -e _ws.col.Destination 2>/dev/null | sed "s|^|$(basename "$f")\t|" >> "$out"
done
echo "wrote $(($(wc -l < "$out") - 1)) frames to $out"
