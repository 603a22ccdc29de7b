// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the aoesan-ctl and discovery namespace tests: run a program inside a lab namespace with
// stdout and stderr apart, start vblade exports and wait until they answer, and aoe-stat's line worked
// out the way aoe-stat itself computes it (shell arithmetic), independently of aoesan's formatter.
#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include "Lab.h"

namespace aoesan::test {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;

    QString describe() const
    {
        return QStringLiteral("exit %1 after %2 ms\nstdout:\n%3\nstderr:\n%4")
            .arg(exitCode)
            .arg(ms)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

// Runs `command` in `netns` (through `ip netns exec`, which also mounts that namespace's /sys).
inline Run runIn(const QString &netns, const QStringList &command, int timeoutMs = 30000)
{
    QProcess process;
    process.setProgram(Lab::findTool(QStringLiteral("ip")));
    process.setArguments(QStringList {QStringLiteral("netns"), QStringLiteral("exec"), netns} + command);
    process.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start();
    Run run;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "did not finish in time";
        return run;
    }
    run.ms = clock.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// aoesan-ctl with logging off, so that stderr holds only what the command itself says.
inline QStringList ctl(const QStringList &args)
{
    return QStringList {QStringLiteral(AOESAN_CTL), QStringLiteral("--log-level"), QStringLiteral("off")} + args;
}

// aoe-stat's arithmetic: mb=$((512000 * sectors / 1000000000)), printf %04d, a dot before the last three.
inline QString aoeStatSizeReference(qint64 sectors)
{
    const qint64 mb = 512000 * sectors / 1000000000;
    QString digits = QString::asprintf("%04lld", static_cast<long long>(mb));
    digits.insert(digits.size() - 3, QLatin1Char('.'));
    return digits + QStringLiteral("GB");
}

inline QString aoeStatLineReference(
    const QString &device, qint64 sectors, const QString &netif, int payload, const QString &state)
{
    return QString::asprintf("%10s %15s %10s %-5s %-14s\n", qPrintable(device),
        qPrintable(aoeStatSizeReference(sectors)), qPrintable(netif), qPrintable(QString::number(payload)),
        qPrintable(state));
}

// Starts vblade SHELF SLOT IFACE IMAGE in the target namespace; null when it could not start.
inline QProcess *startVblade(
    Lab &lab, int shelf, int slot, const QString &interface, const QString &image, const QStringList &options = {})
{
    return lab.start(lab.targetNamespace(),
        QStringList {Lab::findTool(QStringLiteral("vblade"))} + options
            + QStringList {QString::number(shelf), QString::number(slot), interface, image});
}

// Waits until eSHELF.SLOT answers a config query on `interface` (vblade needs a moment to open its socket).
inline bool waitForTarget(const Lab &lab, int shelf, int slot, const QString &interface = Lab::initiatorInterface())
{
    const Run run = runIn(lab.initiatorNamespace(),
        ctl({QStringLiteral("config"), QStringLiteral("%1.%2").arg(shelf).arg(slot), QStringLiteral("-i"), interface,
            QStringLiteral("--timeout"), QStringLiteral("10")}));
    return run.exitCode == 0;
}

} // namespace aoesan::test
