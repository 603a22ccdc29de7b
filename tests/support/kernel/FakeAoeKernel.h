// SPDX-License-Identifier: GPL-3.0-or-later
// A made-up Linux aoe driver in a temporary directory, laid out as AoeDriver reads one: sys/module/aoe,
// sys/block/etherd!eX.Y, dev/etherd/{discover,interfaces,flush,revalidate} (plain files), proc/self/mountinfo,
// proc/PID/fd. Like the real driver it reacts to what is written to its control files when react() runs
// (a test's timer or the driver's poll calls it): a write to discover brings up the targets that "answer",
// flush removes the named device, interfaces replaces the list. Tests drive it: a target that answers, one that
// goes down, a process that holds the device open, a mounted partition.
#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <cstdint>
#include <map>
#include <utility>

#include "kernel/AoeDriver.h"

namespace aoesan::test {

class FakeAoeKernel
{
public:
    // `where`: a QTemporaryDir template (aoe-stat's own check drops every path with a "p" in it).
    explicit FakeAoeKernel(const QString &where = {});

    QString root() const { return m_dir.path(); }
    // An AoeDriver over this tree whose module loader "loads" the fake module (and counts the loads).
    kernel::AoeDriver driver();
    int loads() const { return m_loads; }
    // What the loader was given last, and the last text written to each control file.
    QStringList loadedInterfaces() const { return m_loadedWith; }
    QString lastWrite(const QString &control) const;

    void setLoaded(const QStringList &interfaces); // the module is there, with this aoe_iflist
    // A target on the wire that the driver will see at its next discovery: shelf.slot with `sectors`.
    void addTarget(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors, const QString &interface);
    void removeTarget(std::uint16_t shelf, std::uint8_t slot); // stops answering
    // The device as the driver has it now (no discovery needed).
    void addDevice(std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors, const QString &interface,
        const QString &state = QStringLiteral("up"));
    void setState(std::uint16_t shelf, std::uint8_t slot, const QString &state);
    void addPartition(std::uint16_t shelf, std::uint8_t slot, int number, std::uint64_t sectors);
    void mount(const QString &deviceName, const QString &mountPoint); // e0.1p1 at /mnt/x
    void openBy(int pid, const QString &command, const QString &deviceName); // /proc/PID/fd/3 → the node
    void closeBy(int pid);
    void setNodeCreation(bool on) { m_makeNodes = on; } // off: sysfs shows the device, /dev has no node yet

    // Applies what was written to the control files since the last call, as the driver would.
    void react();

private:
    void writeFile(const QString &relative, const QByteArray &text) const;
    QString path(const QString &relative) const;
    void makeDevice(
        std::uint16_t shelf, std::uint8_t slot, std::uint64_t sectors, const QString &interface, const QString &state);

    QTemporaryDir m_dir;
    int m_loads = 0;
    QStringList m_loadedWith;
    bool m_makeNodes = true;
    std::map<std::pair<std::uint16_t, std::uint8_t>, std::pair<std::uint64_t, QString>> m_targets;
    QString m_mountInfo;
    std::map<QString, QString> m_lastWrites;
};

} // namespace aoesan::test
