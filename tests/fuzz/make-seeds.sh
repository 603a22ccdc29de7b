#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the fuzzers' seed corpora into tests/fuzz/corpus/<target>/ (committed; run again after the golden
# captures or the event docs change):
#   frame_codec      every distinct frame of the golden captures in tests/data/*.pcap, as it was on the wire
#   target_protocol  the captures' requests as sessions (fuzz_target_protocol.cpp's records: flags + frame)
#   discovery        the captures' replies as sessions aimed at our initiator with the tags of its requests
#   *_event(s)       the event lines of docs/*-events.md, and lines the writers produce
#   export_store     export lists and engine state files; vblade_conf: tests/core/supervisor/data's files
# Needs python3 (only to read the pcaps). Usage: tests/fuzz/make-seeds.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus="$here/corpus"
rm -rf "$corpus"
mkdir -p "$corpus"

python3 - "$root" "$corpus" <<'PY'
import glob, hashlib, os, struct, sys

root, corpus = sys.argv[1], sys.argv[2]

def frames(path):
    data = open(path, 'rb').read()
    magic = struct.unpack('<I', data[:4])[0]
    endian = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
    at = 24
    while at + 16 <= len(data):
        _, _, caplen, _ = struct.unpack(endian + 'IIII', data[at:at + 16])
        at += 16
        frame = data[at:at + caplen]
        at += caplen
        if len(frame) >= 24 and frame[12:14] == b'\x88\xa2':
            yield frame

def put(target, name, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, name), 'wb').write(data)

def record(flags, frame):
    body = bytes([flags]) + frame
    return struct.pack('>H', len(body)) + body

seen = set()
for pcap in sorted(glob.glob(os.path.join(root, 'tests/data/*.pcap'))):
    base = os.path.basename(pcap)[:-5]
    all_frames = list(frames(pcap))
    for f in all_frames:
        digest = hashlib.sha1(f).hexdigest()[:12]
        if digest not in seen:
            seen.add(digest)
            put('frame_codec', digest, f)
    requests = [f for f in all_frames if not f[14] & 0x08]
    replies = [f for f in all_frames if f[14] & 0x08]
    # Sessions of 12 requests: to us, at our shelf.slot, as requests; every other one by the two-step (AIO) path.
    # The first byte: bit 0 read-only, bit 1 a jumbo MTU.
    for n in range(0, len(requests), 12):
        chunk = requests[n:n + 12]
        for config in (0, 3):
            body = bytes([config]) + b''.join(record(0x0B | (0x04 if i % 2 else 0), f) for i, f in enumerate(chunk))
            put('target_protocol', '%s-%02d-%d' % (base, n // 12, config), body)
    # Replies aimed at our initiator as responses carrying the tag of a recent request; time moves now and then.
    for n in range(0, len(replies), 16):
        chunk = replies[n:n + 16]
        body = b''.join(record(0x0D | ((i % 4) << 4) | (0x80 if i % 4 == 3 else 0), f) for i, f in enumerate(chunk))
        put('discovery', '%s-%02d' % (base, n // 16), body)
        put('discovery', '%s-%02d-sniffed' % (base, n // 16), b''.join(record(0x02, f) for f in chunk))

# Event lines: every line of the event docs that is a JSON object with an "event".
import re
docs = {'serve_event': 'engine-events.md', 'probe_event': 'probe-events.md', 'capture_events': 'capture-events.md'}
for target, doc in docs.items():
    n = 0
    for line in open(os.path.join(root, 'docs', doc), encoding='utf-8'):
        line = line.strip()
        m = re.search(r'(\{.*"event".*\})', line)
        if m:
            # The docs show a user's interfaces (eth1); the seeds name made-up ones, as every test does.
            put(target, 'doc-%02d' % n, re.sub(r'\beth\d+\b', 'lab0', m.group(1)).encode())
            n += 1
PY

# What the docs show only in tables or prose: lines as the writers write them.
put() { mkdir -p "$corpus/$1"; printf '%s' "$3" > "$corpus/$1/$2"; }
put serve_event restored '{"event":"restored","masks":["02:00:00:00:b0:02"],"reservations":[],"stateFile":"/var/lib/aoesan/e7.3.json"}'
put serve_event warning '{"event":"warning","message":"the state file could not be written"}'
put serve_event clients '{"clients":1024,"event":"clients","unlisted":9968}'
put serve_event error '{"code":"no-permission","event":"error","fix":"run it as root","message":"cannot open lab0"}'
put serve_event unknown '{"event":"future-event","x":1}'
put serve_event garbage 'not json at all'
put capture_events started '{"event":"capture-started","filter":"AoE frames","interface":"lab0"}'
put capture_events counters '{"dropped":0,"event":"capture-counters","frames":120}'
put capture_events stopped '{"dropped":0,"event":"capture-stopped","frames":120,"reason":"stdin-closed"}'
put capture_events error '{"code":"no-permission","event":"error","fix":"add cap_net_raw","message":"cannot capture"}'
put boot_events started '{"event":"started","serving":"DHCP 10.0.0.100-10.0.0.150 on lab0","time":1764750000000}'
put boot_events failed '{"error":"dnsmasq is missing: install dnsmasq-base","event":"failed","time":1764750000000}'
put boot_events client '{"address":"10.0.0.101","bootFile":"undionly.kpxe","event":"client","ipxe":false,"kind":"address","mac":"52:54:00:12:34:56","rootPath":"aoe:e7.3","time":1764750000000}'
put boot_events tftp '{"address":"10.0.0.101","bootFile":"undionly.kpxe","event":"client","ipxe":true,"kind":"tftp-sent","mac":"52:54:00:12:34:56","rootPath":"","time":1764750000000}'
put boot_events settings '{"interface":"lab0","macs":["52:54:00:12:34:56"],"proxy":false,"range":"10.0.0.100,10.0.0.150","rootPath":"aoe:e7.3"}'
put boot_events settings-proxy '{"interface":"lab0","macs":[],"proxy":true,"range":"","rootPath":"aoe:e0.1"}'
put export_store exports '{"version":1,"exports":[{"name":"lab-disk","path":"/srv/aoe/disk.img","shelf":7,"slot":3,"interface":"lab0","readOnly":false,"direct":false,"sync":false,"bufferCount":16,"macs":[],"offsetSectors":0,"lengthSectors":null,"configString":"","autostart":true}]}'
put export_store exports-two '{"version":1,"exports":[{"name":"a","path":"/srv/a.img","shelf":1,"slot":1,"interface":"lab1","readOnly":true,"direct":true,"sync":true,"bufferCount":2,"macs":["02:00:00:00:00:01"],"offsetSectors":8,"lengthSectors":64,"configString":"rack 1","autostart":false},{"name":"b","path":"/dev/sdb","shelf":1,"slot":1,"interface":"lab1","bufferCount":16}]}'
put export_store exports-empty '{"version":1,"exports":[]}'
put export_store state '{"configString":"rack b/3","macMask":["02:00:00:00:a0:02","02:00:00:00:a0:03"],"reserve":["02:00:00:00:a0:02"],"version":1}'
put export_store state-empty '{"version":1}'
mkdir -p "$corpus/vblade_conf"
for f in "$root"/tests/core/supervisor/data/vblade.conf.d/*.conf; do
    cp "$f" "$corpus/vblade_conf/$(basename "$f" .conf | tr -c 'A-Za-z0-9\n-' '_')"
done
mkdir -p "$corpus/dbus_args" # FuzzedDataProvider input: no meaningful seed; libFuzzer starts from nothing
printf '\0' > "$corpus/dbus_args/empty"

du -sh "$corpus"
for d in "$corpus"/*; do echo "$(basename "$d"): $(ls "$d" | wc -l) files"; done
