#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The host half of tst_ipxe_sanboot (issue [10]).

  image MBR SECTORS IMAGE          write IMAGE: MBR in sector 0, seeded pseudo-random bytes in
                                   the other SECTORS - 1 sectors
  check IMAGE LOG [--exported N]   compare what the guest's boot sector (sanboot-mbr.asm)
                                   printed on COM1 with IMAGE; with --exported, the target
                                   served only the first N sectors, and the first read past
                                   them must be reported as an INT 13h error
  frames PCAP MTU [--engine-in N --engine-out N] [--ata-errors]
                                   summarise the AoE frames tcpdump saw on the target's link;
                                   fail on a version other than 1, an AoE error reply, a config
                                   reply whose sectors per frame do not match MTU, counts other
                                   than the engine's, or ATA errors (--ata-errors: their absence)
  selftest IMAGE                   show that `check` fails on each kind of wrong report

Every problem is printed as a "sanboot-check: FAIL:" line; the exit status is 0 only without any.
"""

import argparse
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
    """The boot sector's reads as (LBA, sectors), in its order: its `ranges` for an image of
    `total` sectors (the TOTAL it was assembled with), 64 sectors a read."""
    ranges = [(0, 32), (65536 - 64, 2), (total - 128, 2)]
    return [(lba + i * PER_READ, PER_READ) for lba, n in ranges for i in range(n)]


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


def boot_lines(text):
    """The boot sector's lines of a serial log, without CR LF."""
    return [l.strip() for l in text.replace("\r", "\n").split("\n") if l.strip().startswith("AOESAN-BOOT ")]


def problems_of(image, text, exported=None):
    """What is wrong with the boot sector's report `text` about `image` (bytes), or []."""
    total = len(image) // SECTOR
    served = total if exported is None else exported
    lines = boot_lines(text)
    problems = []

    sizes = [int(m.group(1)) for l in lines if (m := re.fullmatch(r"AOESAN-BOOT size=(\d+)", l))]
    if sizes != [served]:
        problems.append(f"size: the guest saw {sizes or 'none'}, the target serves {served} sectors")

    got = [(int(m.group(1)), int(m.group(2)), int(m.group(3), 16)) for l in lines
           if (m := re.fullmatch(r"AOESAN-BOOT CRC lba=(\d+) n=(\d+) crc=([0-9A-F]{8})", l))]
    want = [(lba, n) for lba, n in reads(total) if lba + n <= served]
    # With a short export the guest stops at the first read past its end, with an error.
    beyond = next((lba for lba, n in reads(total) if lba + n > served), None)
    for i, (lba, n) in enumerate(want):
        if i >= len(got):
            problems.append(f"missing: no report for the read at LBA {lba} (and {len(want) - i - 1} after it)")
            break
        glba, gn, gcrc = got[i]
        if (glba, gn) != (lba, n):
            problems.append(f"read {i}: the guest read lba={glba} n={gn}, expected lba={lba} n={n}")
            continue
        crc = zlib.crc32(image[lba * SECTOR:(lba + n) * SECTOR])
        if gcrc != crc:
            problems.append(f"read {i}: lba={lba} n={n}: guest crc={gcrc:08X}, image crc={crc:08X}")
    if len(got) > len(want):
        problems.append(f"{len(got) - len(want)} more reads reported than expected")

    errors = [l for l in lines if l.startswith("AOESAN-BOOT ERR")]
    oks = [int(m.group(1)) for l in lines if (m := re.fullmatch(r"AOESAN-BOOT OK (\d+)", l))]
    if beyond is None:
        problems += [f"guest: {l}" for l in errors]
        if oks != [sum(n for _, n in want)]:
            problems.append(f"OK line: {oks or 'none'}, expected [{sum(n for _, n in want)}]")
    else:
        if oks:
            problems.append(f"OK line {oks} although LBA {beyond} is past the export's end")
        if len(errors) != 1 or not re.fullmatch(rf"AOESAN-BOOT ERR ah=[0-9A-F]{{2}} lba={beyond}", errors[0]):
            problems.append(f"error lines: {errors or 'none'}, expected one for the read at LBA {beyond}")
        elif errors[0].startswith("AOESAN-BOOT ERR ah=00"):
            problems.append(f"{errors[0]}: the read failed without an INT 13h status")
        if lines and lines[-1] not in errors:
            problems.append(f"the report goes on after the error: {lines[-1]}")
    return problems


def check(image_path, log_path, exported):
    with open(image_path, "rb") as f:
        image = f.read()
    with open(log_path, "rb") as f:
        text = f.read().decode("latin-1")
    problems = problems_of(image, text, exported)
    for p in problems:
        print(f"sanboot-check: FAIL: {p}")
    if problems:
        return 1
    total = len(image) // SECTOR
    served = total if exported is None else exported
    n = len([1 for lba, k in reads(total) if lba + k <= served])
    err = "" if exported is None else f"; the read past the export's end failed: {boot_lines(text)[-1]}"
    print(f"sanboot-check: PASS: size {served} sectors; {n} reads, every CRC32 equal to the image{err}")
    return 0


def report(image, exported=None, err="04"):
    """The report a correct boot sector prints for `image` served up to `exported` sectors."""
    total = len(image) // SECTOR
    served = total if exported is None else exported
    out = [f"AOESAN-BOOT size={served}"]
    done = 0
    for lba, n in reads(total):
        if lba + n > served:
            out.append(f"AOESAN-BOOT ERR ah={err} lba={lba}")
            break
        out.append(f"AOESAN-BOOT CRC lba={lba} n={n} crc={zlib.crc32(image[lba * SECTOR:(lba + n) * SECTOR]):08X}")
        done += n
    else:
        out.append(f"AOESAN-BOOT OK {done}")
    return "".join(f"\r\n{l}" for l in out) + "\r\n"


def selftest(image_path):
    """`check` must accept a correct report and reject each kind of wrong one."""
    with open(image_path, "rb") as f:
        image = bytearray(f.read())
    total = len(image) // SECTOR
    good = report(image)
    short = total - PER_READ
    cases = {"a correct report": (good, None, True),
             "a correct report of a short export": (report(image, short), short, True)}
    for lba in (1, 65536, total - 1):  # one byte of the image changed in each range
        changed = bytearray(image)
        changed[lba * SECTOR + 7] ^= 0x20
        cases[f"a byte changed in sector {lba}"] = (report(changed), None, False)
    lines = good.split("\r\n")
    cases.update({
        "a read left out": ("\r\n".join(lines[:5] + lines[6:]), None, False),
        "two reads swapped": ("\r\n".join(lines[:5] + [lines[6], lines[5]] + lines[7:]), None, False),
        "the wrong size": (good.replace(f"size={total}", f"size={total - 1}"), None, False),
        "no OK line": (good.replace("AOESAN-BOOT OK", "AOESAN-BOOT"), None, False),
        "an error line": (good + "AOESAN-BOOT ERR ah=01 lba=5\r\n", None, False),
        "nothing at all": ("", None, False),
        "an error without status": (report(image, short, "00"), short, False),
        "a short export read to the end": (report(image), short, False),
    })
    problems = []
    for name, (text, exported, accept) in cases.items():
        found = problems_of(bytes(image), text, exported)
        if accept and found:
            problems.append(f"selftest: {name} was rejected: {found}")
        if not accept and not found:
            problems.append(f"selftest: {name} was accepted")
    for p in problems:
        print(f"sanboot-check: FAIL: {p}")
    if problems:
        return 1
    print(f"sanboot-check: selftest PASS: {len(cases)} cases (2 correct reports accepted, {len(cases) - 2} wrong ones rejected)")
    return 0


def pcap_frames(path):
    """The frames of a classic pcap file (tcpdump -w) as (bytes cut at the snapshot length, length)."""
    with open(path, "rb") as f:
        data = f.read()
    order = {b"\xd4\xc3\xb2\xa1": "<", b"\xa1\xb2\xc3\xd4": ">",
             b"\x4d\x3c\xb2\xa1": "<", b"\xa1\xb2\x3c\x4d": ">"}.get(data[:4])
    if order is None:
        sys.exit(f"sanboot-check: {path} is not a pcap file")
    frames, off = [], 24
    while off + 16 <= len(data):
        incl, orig = struct.unpack(order + "II", data[off + 8:off + 16])
        frames.append((data[off + 16:off + 16 + incl], orig))
        off += 16 + incl
    return frames


def frames(path, mtu, engine_in, engine_out, ata_errors):
    problems = []
    requests = replies = failed = 0
    kinds = collections.Counter()  # (who, what, length)
    advertised = set()
    names = {(0, False): "ATA request", (0, True): "ATA reply", (1, False): "config query", (1, True): "config reply"}
    for i, (f, length) in enumerate(pcap_frames(path), 1):
        if len(f) < 24 or f[12:14] != b"\x88\xa2":
            continue
        ver, flags, err, cmd = f[14] >> 4, f[14] & 0x0F, f[15], f[19]
        response = bool(flags & 0x08)
        if ver != 1:
            problems.append(f"frame {i}: AoE version {ver}")
        if flags & 0x04:
            problems.append(f"frame {i}: AoE error reply, error {err}")
        if response:
            replies += 1
        else:
            requests += 1
        if cmd == 1 and response and len(f) >= 30:
            advertised.add(f[28])  # Query Config reply: sector count, after buffer count and firmware
        what = names.get((cmd, response), f"command {cmd}")
        if cmd == 0 and len(f) >= 28:
            if response:
                what += f" status={f[27]:02X}"  # ATA status: 40 done, 41 error
                failed += f[27] & 0x01
            else:
                what += f" {f[27]:02X} sectors={f[26]}"  # ATA command and sector count
        kinds[("engine" if response else "iPXE", what, length)] += 1
    want = min((mtu - 36) // 512, 255)
    if advertised != {want}:
        problems.append(f"config replies advertise {sorted(advertised)} sectors per frame, MTU {mtu} gives {want}")
    if engine_in is not None and (requests, replies) != (engine_in, engine_out):
        problems.append(f"captured {requests} requests and {replies} replies, the engine counted "
                        f"{engine_in} in and {engine_out} out")
    if ata_errors and not failed:
        problems.append("no ATA error reply, although the guest read past the export's end")
    if not ata_errors and failed:
        problems.append(f"{failed} ATA error replies")
    print(f"frames: {requests + replies} AoE frames on the target's link, {requests} to the engine, "
          f"{replies} from it ({failed} ATA errors); config replies advertise {sorted(advertised)} sectors per frame")
    for (who, what, length), n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"frames:   {n:5d} x {who:6s} {what}, {length} bytes")
    for p in problems:
        print(f"sanboot-check: FAIL: {p}")
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("image")
    p.add_argument("mbr")
    p.add_argument("sectors", type=int)
    p.add_argument("image")
    p = sub.add_parser("check")
    p.add_argument("image")
    p.add_argument("log")
    p.add_argument("--exported", type=int)
    p = sub.add_parser("frames")
    p.add_argument("pcap")
    p.add_argument("mtu", type=int)
    p.add_argument("--engine-in", type=int)
    p.add_argument("--engine-out", type=int)
    p.add_argument("--ata-errors", action="store_true")
    p = sub.add_parser("selftest")
    p.add_argument("image")
    a = parser.parse_args()
    if a.command == "image":
        make_image(a.mbr, a.sectors, a.image)
        return 0
    if a.command == "check":
        return check(a.image, a.log, a.exported)
    if a.command == "frames":
        return frames(a.pcap, a.mtu, a.engine_in, a.engine_out, a.ata_errors)
    return selftest(a.image)


if __name__ == "__main__":
    sys.exit(main())
