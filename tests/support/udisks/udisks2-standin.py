#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""udisks2-standin.py: a stand-in udisks2 for tests of UDisksMount, on the bus given in DBUS_SESSION_BUS_ADDRESS.

Usage: tests/support/udisks/udisks2-standin.py CALLS_FILE

It owns org.freedesktop.UDisks2 and exports /org/freedesktop/UDisks2 with org.freedesktop.DBus.ObjectManager
(GetManagedObjects) and three blocks, as udisks2 has them (paths as NUL-terminated byte strings):
  block_devices/etherd_21e0_2e1p1  Device /dev/etherd/e0.1p1, a filesystem, not mounted:
                                   Filesystem.Mount(a{sv}) answers /media/test/data and then lists it
  block_devices/etherd_21e0_2e2p1  Device /dev/dm-7, Symlinks /dev/etherd/e0.2p1: mounted at /media/test/old
  block_devices/etherd_21e0_2e3    Device /dev/etherd/e0.3, no Filesystem interface (a partition table)
  block_devices/etherd_21e0_2e4p1  Device /dev/etherd/e0.4p1: Mount fails with NotAuthorizedDismissed (the
                                   person cancelled the password prompt)
  block_devices/etherd_21e0_2e5p1  Device /dev/etherd/e0.5p1: Mount never answers (a hung udisks2)
Every Mount call appends one line "Mount OBJECT_PATH" to CALLS_FILE. It prints "ready" on stdout once it
owns the name and runs until SIGTERM or until its standard input reaches end of file.
"""
import os
import signal
import sys
import threading

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

NAME = "org.freedesktop.UDisks2"
ROOT = "/org/freedesktop/UDisks2"
BLOCK = "org.freedesktop.UDisks2.Block"
FILESYSTEM = "org.freedesktop.UDisks2.Filesystem"


def path_bytes(text):
    return dbus.Array([dbus.Byte(b) for b in text.encode() + b"\0"], signature="y")


def path_list(texts):
    return dbus.Array([path_bytes(t) for t in texts], signature="ay")


class Blocks(dbus.service.Object):
    def __init__(self, bus, calls_file):
        super().__init__(bus, ROOT)
        self.calls_file = calls_file
        base = ROOT + "/block_devices/"
        # path -> (device, symlinks, has filesystem, mount points)
        self.blocks = {
            base + "etherd_21e0_2e1p1": ["/dev/etherd/e0.1p1", [], True, []],
            base + "etherd_21e0_2e2p1": ["/dev/dm-7", ["/dev/etherd/e0.2p1"], True, ["/media/test/old"]],
            base + "etherd_21e0_2e3": ["/dev/etherd/e0.3", [], False, []],
            base + "etherd_21e0_2e4p1": ["/dev/etherd/e0.4p1", [], True, []],
            base + "etherd_21e0_2e5p1": ["/dev/etherd/e0.5p1", [], True, []],
        }
        self.hanging = []  # the Mount calls that never get an answer, kept so that they stay unanswered
        for path in self.blocks:
            Filesystem(bus, path, self)

    @dbus.service.method("org.freedesktop.DBus.ObjectManager", in_signature="", out_signature="a{oa{sa{sv}}}")
    def GetManagedObjects(self):
        objects = {}
        for path, (device, links, fs, mounts) in self.blocks.items():
            interfaces = {
                BLOCK: dbus.Dictionary({
                    "Device": path_bytes(device),
                    "PreferredDevice": path_bytes(device),
                    "Symlinks": path_list(links),
                    "Size": dbus.UInt64(64 << 20),
                }, signature="sv"),
            }
            if fs:
                interfaces[FILESYSTEM] = dbus.Dictionary({"MountPoints": path_list(mounts)}, signature="sv")
            objects[dbus.ObjectPath(path)] = dbus.Dictionary(interfaces, signature="sa{sv}")
        return dbus.Dictionary(objects, signature="oa{sa{sv}}")


class Filesystem(dbus.service.Object):
    def __init__(self, bus, path, blocks):
        super().__init__(bus, path)
        self.path = path
        self.owner = blocks

    @dbus.service.method(FILESYSTEM, in_signature="a{sv}", out_signature="s", async_callbacks=("ok", "fail"))
    def Mount(self, options, ok, fail):
        with open(self.owner.calls_file, "a", encoding="utf-8") as f:
            f.write("Mount %s\n" % self.path)
        if self.owner.blocks[self.path][0] == "/dev/etherd/e0.5p1":
            self.owner.hanging.append((ok, fail))
            return
        try:
            ok(self.mount())
        except dbus.exceptions.DBusException as e:
            fail(e)

    def mount(self):
        block = self.owner.blocks[self.path]
        if block[0] == "/dev/etherd/e0.4p1":
            raise dbus.exceptions.DBusException("Not authorized to perform operation",
                                                name="org.freedesktop.UDisks2.Error.NotAuthorizedDismissed")
        if not block[2]:
            raise dbus.exceptions.DBusException("Not a filesystem", name="org.freedesktop.DBus.Error.UnknownMethod")
        if block[3]:
            raise dbus.exceptions.DBusException("Device %s is already mounted at `%s'." % (block[0], block[3][0]),
                                                name="org.freedesktop.UDisks2.Error.AlreadyMounted")
        block[3] = ["/media/test/data"]
        return "/media/test/data"


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    loop = GLib.MainLoop()
    Blocks(bus, sys.argv[1])
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)  # kept: the name goes with the object
    signal.signal(signal.SIGTERM, lambda *_: loop.quit())

    # A test that dies takes its stand-in along: its end of our standard input closes.
    def watch_stdin():
        sys.stdin.read()
        GLib.idle_add(loop.quit)
    threading.Thread(target=watch_stdin, daemon=True).start()
    print("ready", flush=True)
    loop.run()
    del name
    return 0


if __name__ == "__main__":
    sys.exit(main())
