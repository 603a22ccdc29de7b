// SPDX-License-Identifier: GPL-3.0-or-later
// How the system service loads the aoe driver. It runs as the user aoesan with ProtectKernelModules=, so it
// cannot load a module itself; it asks systemd to start aoesan-aoe@IFLIST.service (packaging/systemd), a
// one-shot unit that runs `modprobe aoe aoe_iflist=IFLIST` as root. polkit lets the user aoesan start that unit
// and no other (packaging/polkit/io.github.aoesan1.rules). Run as root (a service started by hand), it runs
// modprobe directly.
#pragma once

#include <QString>
#include <QStringList>

#include "kernel/AoeDriver.h"

namespace aoesan::service {

// aoesan-aoe@eth0\x2ceth1.service: the instance is the comma-separated list, escaped as systemd-escape does.
QString aoeUnitName(const QStringList &interfaces);

// Starts the unit on the system bus and waits (bounded) until `root`/sys/module/aoe exists.
kernel::ModuleLoader systemdAoeLoader(QString root = QStringLiteral("/"));

} // namespace aoesan::service
