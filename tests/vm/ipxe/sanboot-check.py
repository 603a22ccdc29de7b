#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The host half of tst_ipxe_sanboot (issue [10]).

  sanboot-check.py image MBR SECTORS IMAGE   write IMAGE: MBR in sector 0, seeded pseudo-random
                                             bytes in the other SECTORS - 1 sectors
  sanboot-check.py check IMAGE SERIAL-LOG    compare what the guest's boot sector reported on
                                             COM1 (sanboot-mbr.asm) with IMAGE; exit 0 if equal

The guest reads 64 sectors at a time; READS below mirrors sanboot-mbr.asm's `ranges`.
"""

import random
import re
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


def main(argv):
    if len(argv) == 5 and argv[1] == "image":
        make_image(argv[2], int(argv[3]), argv[4])
        return 0
    if len(argv) == 4 and argv[1] == "check":
        return check(argv[2], argv[3])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
