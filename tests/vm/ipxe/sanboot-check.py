#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The host half of tst_ipxe_sanboot (issue [10]).

  sanboot-check.py image MBR SECTORS IMAGE   write IMAGE: MBR in sector 0, seeded pseudo-random
                                             bytes in the other SECTORS - 1 sectors
  sanboot-check.py check IMAGE SERIAL-LOG    compare what the guest's boot sector reported on
                                             COM1 (sanboot-mbr.asm) with IMAGE; exit 0 if equal
  sanboot-check.py frames PCAP MTU [IN OUT]  summarise the AoE frames tcpdump saw on the target's
                                             link; fail on a version other than 1, an error reply,
                                             a config reply whose sectors per frame do not match
                                             MTU, or (given the engine's framesIn and framesOut)
                                             other counts than the engine's

The guest reads 64 sectors at a time; READS below mirrors sanboot-mbr.asm's `ranges`.
"""

import collections
import random
import re
import struct
import sys
import zlib

SECTOR = 512
PER_READ = 64
SEED = 0xA0E5A4  # fixed, so that a failing image can be made again


def reads(total):
    """(first LBA, reads) of the boot sector's ranges, in its order."""
    return [(0, 32), (65536 - 64, 2), (total - 128, 2)]


def make_image(mbr_path, sectors, image_path):
    with open(mbr_path, "rb") as f:
        mbr = f.read()
    if len(mbr) != SECTOR or mbr[510:] != b"\x55\xaa":
        sys.exit(f"sanboot-check: {mbr_path} is not a 512-byte boot sector ending in 55 AA")
    rng = random.Random(SEED)
    with open(image_path, "wb") as f:
        f.write(mbr)
        left = sectors - 1
        while left:  # 4 MiB at a time keeps the memory small
            n = min(left, 8192)
            f.write(rng.randbytes(n * SECTOR))
            left -= n


def check(image_path, log_path):
    with open(image_path, "rb") as f:
        image = f.read()
    total = len(image) // SECTOR
    with open(log_path, "rb") as f:
        text = f.read().decode("latin-1")
    lines = [l.strip() for l in text.replace("\r", "\n").split("\n") if l.strip().startswith("AOESAN-BOOT ")]
    problems = []

    errors = [l for l in lines if l.startswith("AOESAN-BOOT ERR")]
    problems += [f"guest: {l}" for l in errors]

    sizes = [int(m.group(1)) for l in lines if (m := re.fullmatch(r"AOESAN-BOOT size=(\d+)", l))]
    if sizes != [total]:
        problems.append(f"size: guest saw {sizes}, the image has {total} sectors")

    got = []
    for l in lines:
        m = re.fullmatch(r"AOESAN-BOOT CRC lba=(\d+) n=(\d+) crc=([0-9A-F]{8})", l)
        if m:
            got.append((int(m.group(1)), int(m.group(2)), int(m.group(3), 16)))
    want = [(lba + i * PER_READ, PER_READ) for lba, n in reads(total) for i in range(n)]
    equal = 0
    for i, (lba, n) in enumerate(want):
        if i >= len(got):
            problems.append(f"missing: no report for the read at LBA {lba} (and {len(want) - i - 1} after it)")
            break
        glba, gn, gcrc = got[i]
        if (glba, gn) != (lba, n):
            problems.append(f"read {i}: guest read lba={glba} n={gn}, expected lba={lba} n={n}")
            continue
        crc = zlib.crc32(image[lba * SECTOR:(lba + n) * SECTOR])
        if gcrc != crc:
            problems.append(f"read {i}: lba={lba} n={n}: guest crc={gcrc:08X}, image crc={crc:08X}")
        else:
            equal += 1
    if len(got) > len(want):
        problems.append(f"{len(got) - len(want)} more reads reported than expected")

    sectors = sum(n for _, n in want)
    oks = [int(m.group(1)) for l in lines if (m := re.fullmatch(r"AOESAN-BOOT OK (\d+)", l))]
    if oks != [sectors]:
        problems.append(f"OK line: {oks or 'none'}, expected [{sectors}]")

    for p in problems:
        print(f"sanboot-check: FAIL: {p}")
    if problems:
        return 1
    print(f"sanboot-check: PASS: size {total} sectors; {equal} reads, {sectors} sectors, every CRC32 equal to the image")
    return 0


def pcap_frames(path):
    """The frames of a classic pcap file (tcpdump -w), each cut at the snapshot length."""
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    order = {b"\xd4\xc3\xb2\xa1": "<", b"\xa1\xb2\xc3\xd4": ">",
             b"\x4d\x3c\xb2\xa1": "<", b"\xa1\xb2\x3c\x4d": ">"}.get(magic)
    if order is None:
        sys.exit(f"sanboot-check: {path} is not a pcap file")
    frames, off = [], 24
    while off + 16 <= len(data):
        incl, orig = struct.unpack(order + "II", data[off + 8:off + 16])
        frames.append((data[off + 16:off + 16 + incl], orig))
        off += 16 + incl
    return frames


def frames(path, mtu, engine_in=None, engine_out=None):
    problems = []
    requests = replies = 0
    kinds = collections.Counter()  # what each side sent: (who, command, sectors, length)
    advertised = set()
    for i, (f, length) in enumerate(pcap_frames(path), 1):
        if len(f) < 24 or f[12:14] != b"\x88\xa2":
            continue
        ver, flags, err, cmd = f[14] >> 4, f[14] & 0x0F, f[15], f[19]
        response = bool(flags & 0x08)
        if ver != 1:
            problems.append(f"frame {i}: AoE version {ver}")
        if flags & 0x04:
            problems.append(f"frame {i}: error reply, error {err}")
        if response:
            replies += 1
        else:
            requests += 1
        if cmd == 1 and response and len(f) >= 30:
            advertised.add(f[28])  # Query Config reply: sector count, after buffer count and firmware
        names = {(0, False): "ATA request", (0, True): "ATA reply", (1, False): "config query", (1, True): "config reply"}
        what = names.get((cmd, response), f"command {cmd}")
        if cmd == 0 and not response and len(f) >= 28:
            what += f" {f[27]:02X} sectors={f[26]}"  # ATA command and sector count
        kinds[("engine" if response else "iPXE", what, length)] += 1
    want = (mtu - 36) // 512
    if advertised != {min(want, 255)}:
        problems.append(f"config replies advertise {sorted(advertised)} sectors per frame, MTU {mtu} gives {want}")
    if engine_in is not None and (requests, replies) != (engine_in, engine_out):
        problems.append(f"captured {requests} requests and {replies} replies, the engine counted "
                        f"{engine_in} in and {engine_out} out")
    print(f"frames: {requests + replies} AoE frames on the target's link, {requests} to the engine, "
          f"{replies} from it; config replies advertise {sorted(advertised)} sectors per frame")
    for (who, what, length), n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"frames:   {n:5d} x {who:6s} {what}, {length} bytes")
    for p in problems:
        print(f"sanboot-check: FAIL: {p}")
    return 1 if problems else 0


def main(argv):
    if len(argv) == 5 and argv[1] == "image":
        make_image(argv[2], int(argv[3]), argv[4])
        return 0
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    if len(argv) in (4, 6) and argv[1] == "frames":
        return frames(argv[2], int(argv[3]), *(int(a) for a in argv[4:]))
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
