#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tst_desktop_files: the GUI's desktop integration (packaging/desktop) is what the desktops accept and
agrees with the rest of the tree.

- desktop-file-validate prints nothing for the menu entry and the login (autostart) entry; both are named
  and iconed by the app id, run `aoesan` (the login entry `aoesan --autostart`), and StartupWMClass is the
  binary's name (Qt's WM_CLASS instance on X11); app/gui/main.cpp gives Qt the app id as desktop file name.
- `appstreamcli validate --no-net --pedantic` finds no error, warning or info in the metainfo; its id,
  launchable, homepage and bug tracker are the app id and CMake's HOMEPAGE_URL; its newest release is the
  CMake project VERSION; every screenshot is a file of docs/screenshots under the repository's raw URL, with
  the width and height that file has; the licence is the one in LICENSE.
- The build rendered the hicolor PNGs at exactly 16, 22, 24, 32, 48, 64, 128 and 256 pixels, each square
  and with visible pixels.
- `DESTDIR=... cmake --install BUILD --component gui` puts every file where a /usr install needs it (the
  autostart entry in /etc/xdg/autostart when the prefix is /usr), and nothing else; `appstreamcli
  validate-tree` accepts the installed tree.

Usage: desktop_files_test.py SOURCE_DIR BUILD_DIR APP_ID VERSION HOMEPAGE_URL INSTALL_PREFIX FULL_SYSCONFDIR
"""
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib
import xml.etree.ElementTree as ET

ICON_SIZES = [16, 22, 24, 32, 48, 64, 128, 256]
failures = 0


def check(ok, what, detail=""):
    global failures
    if ok:
        print(f"PASS: {what}")
    else:
        failures += 1
        print(f"FAIL: {what}" + (f": {detail}" if detail else ""))


def run(*command):
    return subprocess.run(command, capture_output=True, text=True)


def desktop_entry(path):
    """The [Desktop Entry] group as a dict (comments and other groups left out)."""
    entry, group = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                group = line
                continue
            if group == "[Desktop Entry]" and "=" in line:
                key, value = line.split("=", 1)
                entry[key.strip()] = value.strip()
    return entry


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24])


def png_has_visible_pixels(path):
    """True when some pixel's alpha is above zero: an 8-bit RGBA PNG, unfiltered here."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, width, height, depth, colour = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour != 6:
        raise ValueError(f"expected 8-bit RGBA, found depth {depth} colour type {colour}")
    raw = zlib.decompress(idat)
    stride, bpp = width * 4, 4
    previous = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(stride):
            a = row[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                row[x] = (row[x] + a) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + b) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if any(row[3::4]):
            return True
        previous = row
    return False


def check_desktop_files(src, app_id):
    desktop_dir = os.path.join(src, "packaging", "desktop")
    menu = os.path.join(desktop_dir, f"{app_id}.desktop")
    login = os.path.join(desktop_dir, f"{app_id}-tray.desktop")
    for path in (menu, login):
        result = run("desktop-file-validate", path)
        out = (result.stdout + result.stderr).strip()
        check(result.returncode == 0 and not out, f"desktop-file-validate {os.path.basename(path)} is silent", out)

    entry = desktop_entry(menu)
    check(entry.get("Type") == "Application", "the menu entry is an application")
    check(entry.get("Exec") == "aoesan", "the menu entry runs aoesan", entry.get("Exec", ""))
    check(entry.get("Icon") == app_id, "the menu entry's icon is the app id", entry.get("Icon", ""))
    check(entry.get("StartupWMClass") == "aoesan", "StartupWMClass is the binary's name (Qt's X11 WM_CLASS)")
    for lang in ("de", "es"):
        for key in ("GenericName", "Comment", "Keywords"):
            check(f"{key}[{lang}]" in entry, f"the menu entry has {key}[{lang}]")
    with open(os.path.join(src, "app", "gui", "main.cpp"), encoding="utf-8") as f:
        main = f.read()
    check("setDesktopFileName(QString::fromLatin1(kAppId))" in main,
          "the GUI names its desktop file by the app id (window and notifications tie to the entry)")

    tray = desktop_entry(login)
    check(tray.get("Exec") == "aoesan --autostart", "the login entry runs aoesan --autostart", tray.get("Exec", ""))
    check(tray.get("Icon") == app_id, "the login entry's icon is the app id")
    check(tray.get("NoDisplay") == "true", "the login entry stays out of the menus")
    check(tray.get("Hidden", "false") == "false", "the login entry is enabled (the setting decides)")


def check_metainfo(src, app_id, version, homepage):
    path = os.path.join(src, "packaging", "desktop", f"{app_id}.metainfo.xml")
    result = run("appstreamcli", "validate", "--no-net", "--pedantic", "--explain", path)
    out = result.stdout + result.stderr
    issues = [line for line in out.splitlines() if re.match(r"^[EWIP]: ", line)]
    check(result.returncode == 0 and not issues, "appstreamcli validate --no-net --pedantic: no issue at all",
          out.strip())

    root = ET.parse(path).getroot()
    check(root.findtext("id") == app_id, "the metainfo's id is the app id")
    launchable = root.find("launchable[@type='desktop-id']")
    check(launchable is not None and launchable.text == f"{app_id}.desktop", "it launches the menu entry")
    binaries = sorted(b.text for b in root.findall("provides/binary"))
    check(binaries == ["aoesan", "aoesan-ctl"], "it provides aoesan and aoesan-ctl", str(binaries))
    releases = root.findall("releases/release")
    newest = releases[0].get("version") if releases else None
    check(newest == version, f"the newest release is the project VERSION {version}", str(newest))
    check(bool(releases) and re.fullmatch(r"\d{4}-\d\d-\d\d", releases[0].get("date", "")),
          "the newest release has a date")
    check(root.findtext("url[@type='homepage']") == homepage, "the homepage is CMake's HOMEPAGE_URL")
    check(root.findtext("url[@type='bugtracker']") == f"{homepage}/issues", "the bug tracker is the homepage's issues")
    with open(os.path.join(src, "LICENSE"), encoding="utf-8") as f:
        licence = f.read(400)
    check(root.findtext("project_license") == "GPL-3.0-or-later" and "GENERAL PUBLIC LICENSE" in licence
          and "Version 3" in licence, "the project licence is LICENSE's GPL 3 (or later, as the sources say)")

    raw = re.sub(r"^https://github\.com/", "https://raw.githubusercontent.com/", homepage) + "/main/"
    images = root.findall("screenshots/screenshot/image")
    check(len(images) >= 3, "there are screenshots", str(len(images)))
    for shot in root.findall("screenshots/screenshot"):
        check(shot.find("caption") is not None, "every screenshot has a caption")
    for image in images:
        url = image.text or ""
        relative = url[len(raw):] if url.startswith(raw) else None
        check(relative is not None and relative.startswith("docs/screenshots/"),
              f"{url} is under {raw}docs/screenshots/")
        if relative is None:
            continue
        file = os.path.join(src, relative)
        check(os.path.isfile(file), f"{relative} is in the repository")
        if os.path.isfile(file):
            check(png_size(file) == (int(image.get("width", 0)), int(image.get("height", 0))),
                  f"{relative}: the metainfo's width and height are the file's", str(png_size(file)))


def check_icons(build, app_id):
    icon_dir = os.path.join(build, "packaging", "desktop", "icons")
    found = sorted(d for d in os.listdir(icon_dir)) if os.path.isdir(icon_dir) else []
    check(found == sorted(f"{n}x{n}" for n in ICON_SIZES), "the rendered sizes are exactly the hicolor list",
          str(found))
    for size in ICON_SIZES:
        path = os.path.join(icon_dir, f"{size}x{size}", "apps", f"{app_id}.png")
        if not os.path.isfile(path):
            check(False, f"{size}x{size} icon exists", path)
            continue
        check(png_size(path) == (size, size), f"{size}x{size} icon is {size} by {size}", str(png_size(path)))
        check(png_has_visible_pixels(path), f"{size}x{size} icon is not blank")


def check_install(build, app_id, prefix, sysconfdir):
    with tempfile.TemporaryDirectory() as dest:
        env = dict(os.environ, DESTDIR=dest)
        result = subprocess.run(["cmake", "--install", build, "--component", "gui"], env=env,
                                capture_output=True, text=True)
        check(result.returncode == 0, "cmake --install --component gui", result.stdout + result.stderr)
        share = f"{prefix}/share"
        expected = [f"{prefix}/bin/aoesan",
                    f"{share}/applications/{app_id}.desktop",
                    f"{share}/metainfo/{app_id}.metainfo.xml",
                    f"{share}/icons/hicolor/scalable/apps/{app_id}.svg",
                    f"{sysconfdir}/xdg/autostart/{app_id}-tray.desktop"]
        expected += [f"{share}/icons/hicolor/{n}x{n}/apps/{app_id}.png" for n in ICON_SIZES]
        expected.append(f"{share}/man/man1/aoesan.1")  # packaging/man, from aoesan --help
        if prefix == "/usr":
            check(sysconfdir == "/etc", "with the prefix /usr the configuration directory is /etc", sysconfdir)
        for path in expected:
            check(os.path.isfile(dest + path), f"installed {path}")
        installed = sorted(os.path.relpath(os.path.join(d, f), dest) for d, _, files in os.walk(dest) for f in files)
        extra = sorted(set("/" + p for p in installed) - set(expected))
        check(not extra, "the gui component installs nothing else", str(extra))
        # The installed tree as a software centre reads it: metainfo, its desktop entry and icon together.
        result = run("appstreamcli", "validate-tree", "--no-net", "--pedantic", "--explain", dest)
        out = result.stdout + result.stderr
        issues = [line for line in out.splitlines() if re.match(r"^[EWIP]: ", line)]
        check(result.returncode == 0 and not issues, "appstreamcli validate-tree of the installed files", out.strip())


def main():
    if len(sys.argv) != 8:
        print(__doc__)
        return 2
    src, build, app_id, version, homepage, prefix, sysconfdir = sys.argv[1:]
    for tool in ("desktop-file-validate", "appstreamcli"):
        if run("sh", "-c", f"command -v {tool}").returncode != 0:
            print(f"FAIL: {tool} is missing (apt-get install desktop-file-utils appstream)")
            return 1
    check_desktop_files(src, app_id)
    check_metainfo(src, app_id, version, homepage)
    check_icons(build, app_id)
    check_install(build, app_id, prefix, sysconfdir)
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
