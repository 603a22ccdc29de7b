// SPDX-License-Identifier: GPL-3.0-or-later
// The contract between `aoesan-ctl boot serve` and the service that runs it for an export (Export.StartBoot):
// - the settings file (`boot serve --settings FILE`): what a person asked for, as the words the CLI takes, kept by
//   the service in its configuration directory (boot/NAME.json) so the server runs again after a restart, and
//   read by the boot server, which may run as root (aoesan-boot@NAME.service) while the service does not;
// - the events file (`boot serve --events FILE`): one JSON object per line, started, client or failed, that the
//   service reads back to publish Export.Boot. The file starts empty at each run of the server.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

#include "boot/BootConfig.h"
#include "boot/DnsmasqLog.h"
#include "util/Result.h"

namespace aoesan::boot {

struct BootRequest
{
    QString interface;
    QString rootPath; // aoe:e7.3
    QString range; // "FIRST,LAST"; empty with proxy
    bool proxy = false;
    QStringList macs;
    bool operator==(const BootRequest &) const = default;
};

// The request checked into the options a boot server runs with (makeBootOptions' words on a problem).
Result<BootServerOptions, QString> optionsFor(const BootRequest &request);

QByteArray encodeBootRequest(const BootRequest &request);
// A settings file: a regular file (never a link, a FIFO or a device), at most 64 KiB, of the keys above.
Result<BootRequest, QString> readBootRequest(const QString &path);
// Written atomically (temporary file and rename); the error is a sentence.
Result<bool, QString> writeBootRequest(const QString &path, const BootRequest &request);

struct BootEvent
{
    enum class Kind : std::uint8_t { Started, Client, Failed };
    Kind kind = Kind::Started;
    qint64 timeMs = 0; // milliseconds since the epoch
    QString serving; // Started: BootServer::describe()
    QString error; // Failed: why, with the fix
    BootClientEvent client; // Client
    bool operator==(const BootEvent &) const = default;

    static BootEvent started(QString serving);
    static BootEvent failed(QString error);
    static BootEvent clientAsked(BootClientEvent client);
};

// One line, with its newline.
QByteArray encodeBootEvent(const BootEvent &event);
// nullopt for a line that is not one of these events (it is skipped, never trusted in part).
std::optional<BootEvent> parseBootEvent(const QByteArray &line);

// What a client was given, in few words: "root-path aoe:e0.1", "undionly.kpxe", "an address", "nothing".
QString givenText(const BootClientEvent &client);

} // namespace aoesan::boot
