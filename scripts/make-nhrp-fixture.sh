#!/bin/sh
# Writes test/fixtures/nhrp/tshark-fields.tsv: tshark's values of the NHRP fields Decapod reads past
# the mandatory part's head (Client Information Entries, extensions, authentication) for every frame
# of the corpus's nhrp.pcapng, every occurrence, as test/workers/dissectors/nhrp.test.ts compares
# them. Header line first. Needs tshark (the corpus was decoded with 4.0.17).
set -e
cd "$(dirname "$0")/.."
fields="nhrp.reqid nhrp.code nhrp.prefix nhrp.unused nhrp.mtu nhrp.htime nhrp.cli.addr_tl nhrp.cli.addr_tl.type
 nhrp.cli.addr_tl.len nhrp.cli.saddr_tl nhrp.prot.len nhrp.pref nhrp.client.nbma.addr nhrp.client.prot.addr nhrp.ext.c
 nhrp.ext.type nhrp.ext.len nhrp.auth_ext.reserved nhrp.auth_ext.spi nhrp.auth_ext.src_addr nhrp.auth_ext.data"
args=""
for f in $fields; do args="$args -e $f"; done
out=test/fixtures/nhrp/tshark-fields.tsv
echo $fields | tr ' ' '\t' > "$out"
# shellcheck disable=SC2086
tshark -n -r ../shared/corpus/captures/nhrp.pcapng -T fields -E occurrence=a $args 2>/dev/null >> "$out"
echo "wrote $(($(wc -l < "$out") - 1)) frames to $out"
