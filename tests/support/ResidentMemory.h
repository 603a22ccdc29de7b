// SPDX-License-Identifier: GPL-3.0-or-later
// A process's resident memory (VmRSS in /proc/PID/status), for the tests and benchmarks that report or bound
// it. Header-only: every test has this directory on its include path.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

namespace aoesan::test {

// VmRSS in KiB; 0 when the process is gone or the line cannot be read.
inline qint64 residentKiB(qint64 pid = QCoreApplication::applicationPid())
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace aoesan::test
