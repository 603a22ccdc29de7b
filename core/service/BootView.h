// SPDX-License-Identifier: GPL-3.0-or-later
// The client's reading of an export's Boot property (the JSON text of docs/dbus-api.md): its boot server's
// state, what it serves and the machines that asked, read once when the property changes so that the GUI
// and its tests never parse JSON themselves; and Export.StartBoot's options from what a person chose.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <cstdint>
#include <vector>

namespace aoesan::service {

struct BootClient
{
    QDateTime time; // local time of the answer
    QString mac;
    QString address;
    QString given; // what it was given ("root-path aoe:e7.3", "iPXE by TFTP (undionly.kpxe)")
    QString text; // the whole line, for people
    bool operator==(const BootClient &) const = default;
};

struct BootView
{
    enum class State : std::uint8_t { Off, Starting, Running, Failed };
    State state = State::Off;
    QString interface;
    bool proxy = false; // mode "proxy"; else isolated (with a range)
    QString rangeFirst;
    QString rangeLast;
    QStringList macs;
    QString rootPath; // aoe:e7.3
    QString serving; // "DHCP 10.0.0.100-10.0.0.150 on lan0"
    QString error;
    QString script; // the iPXE script that boots the export
    std::vector<BootClient> clients; // oldest first

    // Starting or running: a boot server is there (or about to be).
    bool active() const { return state == State::Starting || state == State::Running; }
    bool operator==(const BootView &) const = default;
};

// An unreadable or empty text reads as off (an older service has no Boot property).
BootView bootFromJson(const QString &json);
QString bootStateName(BootView::State state);

// What Export.StartBoot takes: interface, then range "FIRST,LAST" or proxy, and macs when any.
struct BootRequest
{
    QString interface;
    bool proxy = false;
    QString rangeFirst;
    QString rangeLast;
    QStringList macs;
};
QVariantMap bootOptions(const BootRequest &request);

} // namespace aoesan::service
