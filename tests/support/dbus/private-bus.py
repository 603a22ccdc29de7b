#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""private-bus.py: a private system bus with a stand-in polkitd, for tests of aoesan-service.

Usage:
  tests/support/dbus/private-bus.py [--mode allow|deny|hang|none] [--dir DIR] [--service-user USER]...
                                    [-- COMMAND [ARG...]]

It starts dbus-daemon with system-bus.conf (beside this file: like the system bus, with the service's
real policy) in a new temporary directory under DIR (default $TMPDIR or /tmp), listening on
unix:path=THAT_DIR/system_bus_socket, and lets the user running it own io.github.aoesan1 and
org.freedesktop.PolicyKit1 there (and each --service-user own io.github.aoesan1, for a service run as
the unit's user; the directory is then readable by all). On that bus it starts python3-dbusmock's `polkitd` template, which
answers org.freedesktop.PolicyKit1.Authority.CheckAuthorization according to --mode:
  allow   every action id is authorised (is_authorized true), whoever the subject is (the default)
  deny    nothing is authorised (is_authorized false, is_challenge false)
  hang    CheckAuthorization never answers: the caller's own timeout is what ends the call
  none    no polkit at all: org.freedesktop.PolicyKit1 has no owner (ServiceUnknown)

With COMMAND: runs COMMAND with DBUS_SYSTEM_BUS_ADDRESS set to the private bus, then stops the bus and the
mock and exits with COMMAND's status (128+N when a signal N ended it).
Without COMMAND: prints the bus address (one line: unix:path=...) on stdout once polkit answers, then runs
until SIGTERM, SIGINT or SIGHUP, or until its standard input reaches end of file when that is a pipe (so a
test that dies, and with it the write end, takes the rig along; QProcess keeps the pipe open).
Either way it ends the mock and dbus-daemon by their pids and removes its directory. Exit status 2: bad
arguments; 1: the bus or the mock did not come up (dbus-daemon's and the mock's output are printed).

While it runs, a test can change polkit's answers on the mock's org.freedesktop.DBus.Mock interface at
/org/freedesktop/PolicyKit1/Authority: AllowUnknown(b), SetAllowed(as) (only these action ids),
SimulateHang(b), SimulateHangActions(as), ReleaseHangingCalls(), and read what was asked with
GetCalls() / ClearCalls() (each call's time, method and arguments: the action id is the second argument).
Example, with busctl:
  busctl --address="$addr" call org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority \\
      org.freedesktop.DBus.Mock SetAllowed as 1 io.github.aoesan1.manage-exports
Messages on stderr are dbus-daemon's (policy refusals, for instance; two expected warnings are left out:
the users aoesan or polkitd unknown here, and a refused file limit) and, if it fails, the mock's log.
"""
import argparse
import os
import pwd
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from xml.sax.saxutils import escape, quoteattr

import dbus

HERE = os.path.dirname(os.path.abspath(__file__))
POLKIT_NAME = "org.freedesktop.PolicyKit1"
POLKIT_PATH = "/org/freedesktop/PolicyKit1/Authority"
MOCK_IFACE = "org.freedesktop.DBus.Mock"
SERVICE_NAME = "io.github.aoesan1"
START_TIMEOUT = 15.0  # seconds for dbus-daemon and the mock to come up on a loaded machine


class Rig:
    def __init__(self, parent, mode, service_users=()):
        self.mode = mode
        self.service_users = list(service_users)
        self.dir = tempfile.mkdtemp(prefix="aoesan-bus-", dir=parent)
        self.address = "unix:path=" + os.path.join(self.dir, "system_bus_socket")
        self.bus = None
        self.mock = None
        self.mock_log = os.path.join(self.dir, "polkitd-mock.log")

    def write_config(self):
        user = pwd.getpwuid(os.getuid()).pw_name
        # Others named with --service-user may own the service's name too (a test that runs the service as
        # the unit's user); they must also reach the socket.
        owners = "".join(f"  <policy user={quoteattr(u)}>\n    <allow own={quoteattr(SERVICE_NAME)}/>\n  </policy>\n"
                         for u in self.service_users)
        if self.service_users:
            os.chmod(self.dir, 0o755)
        path = os.path.join(self.dir, "bus.conf")
        with open(path, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"\n'
                    ' "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">\n<busconfig>\n'
                    f"  <include>{escape(os.path.join(HERE, 'system-bus.conf'))}</include>\n"
                    f"  <policy user={quoteattr(user)}>\n"
                    f"    <allow own={quoteattr(SERVICE_NAME)}/>\n"
                    f"    <allow own={quoteattr(POLKIT_NAME)}/>\n"
                    "  </policy>\n" + owners + "</busconfig>\n")
        return path

    def start(self):
        config = self.write_config()
        self.bus = subprocess.Popen(["dbus-daemon", "--nofork", "--nopidfile", "--nosyslog",
                                     "--config-file=" + config, "--address=" + self.address],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        threading.Thread(target=pass_on, args=(self.bus.stderr,), daemon=True).start()
        connection = self.wait(self.connect, "dbus-daemon did not listen on " + self.address)
        if self.mode == "none":
            return
        env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=self.address)
        with open(self.mock_log, "w", encoding="utf-8") as log:
            self.mock = subprocess.Popen([sys.executable, "-m", "dbusmock", "--system", "--template", "polkitd"],
                                         stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
        self.wait(lambda: connection.name_has_owner(POLKIT_NAME), "the polkitd mock did not take its name")
        mock = dbus.Interface(connection.get_object(POLKIT_NAME, POLKIT_PATH), MOCK_IFACE)
        if self.mode == "allow":
            mock.AllowUnknown(True)
        elif self.mode == "hang":
            mock.SimulateHang(True)
        connection.close()

    def connect(self):
        try:
            return dbus.bus.BusConnection(self.address)
        except dbus.exceptions.DBusException:
            return None

    def wait(self, probe, failure):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            for name, process in (("dbus-daemon", self.bus), ("the polkitd mock", self.mock)):
                if process is not None and process.poll() is not None:
                    raise RuntimeError(f"{name} ended with status {process.returncode}")
            result = probe()
            if result:
                return result
            time.sleep(0.05)
        raise RuntimeError(failure + f" within {START_TIMEOUT:g} s")

    def stop(self):
        # The mock first (it would end anyway when the bus goes), then the bus; each by its own pid.
        for process in (self.mock, self.bus):
            if process is None or process.poll() is not None:
                continue
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def print_mock_log(self):
        if os.path.exists(self.mock_log):
            with open(self.mock_log, encoding="utf-8", errors="replace") as f:
                text = f.read().strip()
            if text:
                print("private-bus.py: the polkitd mock said:\n" + text, file=sys.stderr)


# What dbus-daemon says that is expected here: the policies name the users aoesan and polkitd, which a test
# machine need not have, and a system bus started by root tries to raise its file limit, which a container
# may refuse.
HARMLESS = (b'Unknown username "aoesan"', b'Unknown username "polkitd"', b"Failed to set fd limit")


def pass_on(stream):
    """Copies dbus-daemon's messages to stderr, all but the HARMLESS ones."""
    for line in iter(stream.readline, b""):
        if not any(h in line for h in HARMLESS):
            sys.stderr.buffer.write(line)
            sys.stderr.flush()


class Stop(Exception):
    pass


def on_signal(signum, _frame):
    raise Stop(signum)


def wait_for_end():
    """Until a stop signal, or end of file on stdin when stdin is a pipe."""
    try:
        watch_stdin = stat.S_ISFIFO(os.fstat(0).st_mode)
    except OSError:
        watch_stdin = False
    if watch_stdin:
        while os.read(0, 4096):
            pass
        return
    while True:
        signal.pause()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.split("\n")[2:]))
    parser.add_argument("--mode", choices=["allow", "deny", "hang", "none"], default="allow")
    parser.add_argument("--dir", default=None, help="where to make the temporary directory")
    parser.add_argument("--service-user", action="append", default=[],
                        help="another user that may own io.github.aoesan1 (repeatable)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARG...]")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if shutil.which("dbus-daemon") is None:
        print("private-bus.py: dbus-daemon is missing (apt-get install dbus-daemon)", file=sys.stderr)
        return 1

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, on_signal)
    rig = Rig(args.dir, args.mode, args.service_user)
    try:
        try:
            rig.start()
        except (RuntimeError, dbus.exceptions.DBusException) as error:
            print(f"private-bus.py: {error}", file=sys.stderr)
            rig.print_mock_log()
            return 1
        if not command:
            print(rig.address, flush=True)
            wait_for_end()
            return 0
        env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=rig.address)
        child = subprocess.Popen(command, env=env)
        try:
            status = child.wait()
        except Stop:
            child.terminate()
            status = child.wait()
        return status if status >= 0 else 128 - status
    except Stop:
        return 0
    finally:
        # No second signal may cut the clean-up short.
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, signal.SIG_IGN)
        rig.stop()


if __name__ == "__main__":
    sys.exit(main())
