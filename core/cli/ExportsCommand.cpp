// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl exports list|add|remove|run|start|stop: the persisted export list, one export run in the
// foreground under the supervisor (what aoesan-export@NAME.service runs), and start/stop through systemd.
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string_view>

#include "cli/CtlSupport.h"
#include "cli/ExportCommands.h"
#include "cli/ExportsSupport.h"
#include "net/NetworkInterfaces.h"
#include "platform/BlockDeviceSafety.h"
#include "platform/BlockDevicesUdev.h"
#include "supervisor/VbladeArguments.h"
#include "util/CommandHelp.h"

namespace aoesan::cli {

namespace {

constexpr const char *kCommand = "exports";

const char *kUsage
    = "usage: aoesan-ctl exports list [--json] [--store FILE]\n"
      "       aoesan-ctl exports add [--name NAME] [--autostart] [--config STRING] [--force] [--store FILE]\n"
      "                              [-b bufcnt] [-d] [-s] [-r] [-m mac[,mac...]] [-o offset] [-l length]\n"
      "                              shelf slot netif file\n"
      "       aoesan-ctl exports remove NAME [--store FILE]\n"
      "       aoesan-ctl exports run NAME [--force] [--store FILE]   serve it in the foreground until SIGTERM\n"
      "       aoesan-ctl exports start|stop NAME     through systemd (aoesan-export@NAME.service)\n"
      "add takes vblade's arguments with vblade's meaning (offset and length in 512-byte sectors); it refuses an\n"
      "interface that does not exist here or is not Ethernet (lo) unless --force.\n";

// The words of a subcommand, split into aoesan's long options and the rest (vblade's own words).
struct Words
{
    QString store;
    QString name;
    QString config;
    bool autostart = false;
    bool force = false;
    bool json = false;
    QStringList rest;
};

std::optional<Words> splitWords(const QStringList &args)
{
    Words w;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const auto value = [&](QString &into) {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            if (eq > 0) {
                into = a.mid(eq + 1);
                return true;
            }
            if (i + 1 >= args.size()) {
                printError(kCommand, a.toStdString() + " needs a value");
                return false;
            }
            into = args.at(++i);
            return true;
        };
        const QString key = a.section(QLatin1Char('='), 0, 0);
        if (key == QLatin1String("--store") || key == QLatin1String("--name") || key == QLatin1String("--config")) {
            QString &into = key == QLatin1String("--store") ? w.store
                : key == QLatin1String("--name")            ? w.name
                                                            : w.config;
            if (!value(into))
                return std::nullopt;
        } else if (a == QLatin1String("--autostart")) {
            w.autostart = true;
        } else if (a == QLatin1String("--force")) {
            w.force = true;
        } else if (a == QLatin1String("--json")) {
            w.json = true;
        } else {
            w.rest << a;
        }
    }
    return w;
}

// " --store PATH" when the person named a store: a suggested command must work on the same list.
std::string storeWords(const Words &w)
{
    if (w.store.isEmpty())
        return {};
    std::string path = w.store.toStdString();
    const bool plain = std::all_of(path.begin(), path.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c))
            || std::string_view("/._-+=:@,").find(c) != std::string_view::npos;
    });
    if (!plain) {
        std::string quoted = "'";
        for (char c : path)
            quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        path = quoted + "'";
    }
    return " --store " + path;
}

std::optional<supervisor::ExportStore> load(const Words &w)
{
    return openStore(kCommand, w.store);
}

int list(const Words &w)
{
    const auto store = load(w);
    if (!store)
        return kExitFailure;
    if (w.json) {
        QJsonArray array;
        for (const auto &r : store->records())
            array.append(supervisor::recordToJson(r));
        std::printf("%s", QJsonDocument(array).toJson(QJsonDocument::Indented).constData());
        return kExitOk;
    }
    if (store->records().empty()) {
        std::printf("no exports in %s (add one with: aoesan-ctl exports add%s ...)\n", qPrintable(store->path()),
            storeWords(w).c_str());
        return kExitOk;
    }
    std::printf("%-20s %-10s %-12s %-9s %s\n", "NAME", "TARGET", "INTERFACE", "AUTOSTART", "FILE");
    for (const auto &r : store->records())
        std::printf("%-20s %-10s %-12s %-9s %s\n", qPrintable(r.name), qPrintable(r.address()), qPrintable(r.interface),
            r.autostart ? "yes" : "no", qPrintable(r.path));
    return kExitOk;
}

// Things worth knowing before the first start: a missing file, a device in use.
void warnAbout(const supervisor::ExportRecord &record)
{
    const QFileInfo info(record.path);
    if (!info.exists()) {
        std::fprintf(stderr,
            "aoesan-ctl exports: warning: %s does not exist (yet); the export cannot start without it\n",
            qPrintable(record.path));
        return;
    }
    if (info.isFile() && !info.isSymLink())
        return;
    const auto devices = platform::SystemBlockDevices().scan();
    if (!devices)
        return;
    const QString said = platform::assessExportPath(devices.value(), record.path, record.readOnly).explain();
    if (!said.isEmpty())
        std::fprintf(stderr, "aoesan-ctl exports: warning: %s\n",
            qPrintable(QString(said).replace(QLatin1Char('\n'), QStringLiteral("\naoesan-ctl exports: warning: "))));
}

int add(const Words &w)
{
    if (w.rest.size() < 4) {
        printError(kCommand, "add needs at least shelf, slot, interface and file");
        std::fprintf(stderr, "%s", kUsage);
        return kExitUsage;
    }
    QString name = w.name;
    if (name.isEmpty())
        name = QStringLiteral("e%1.%2-%3")
                   .arg(w.rest.at(w.rest.size() - 4), w.rest.at(w.rest.size() - 3), w.rest.at(w.rest.size() - 2));
    auto record = supervisor::recordFromVbladeArguments(name, w.rest, QDir::currentPath());
    if (!record) {
        printError(kCommand, record.error().toStdString());
        return kExitUsage;
    }
    record->autostart = w.autostart;
    record->configString = w.config;
    // An export on `lo` or on a name that is no interface here would never serve anyone. --force keeps one
    // for an interface made later (a VLAN or bridge that exists only after boot).
    if (const auto iface = net::findAoeInterface(record->interface.toStdString()); !iface && !w.force) {
        printError(kCommand,
            iface.error()
                + "; name an Ethernet interface (`aoesan-ctl interfaces` lists them), or add --force "
                  "for one that appears later");
        return kExitFailure;
    }
    auto store = load(w);
    if (!store)
        return kExitFailure;
    if (const auto added = store->add(record.value()); !added) {
        printError(kCommand, added.error().message.toStdString());
        return kExitFailure;
    }
    if (!saveStore(kCommand, *store))
        return kExitFailure;
    std::printf("added %s: %s\n", qPrintable(record->name), qPrintable(supervisor::describeRecord(record.value())));
    warnAbout(record.value());
    return kExitOk;
}

int remove(const Words &w)
{
    if (w.rest.size() != 1) {
        printError(kCommand, "remove takes the name of one export");
        return kExitUsage;
    }
    auto store = load(w);
    if (!store)
        return kExitFailure;
    if (const auto removed = store->remove(w.rest.first()); !removed) {
        printError(kCommand, removed.error().message.toStdString());
        return kExitFailure;
    }
    if (!saveStore(kCommand, *store))
        return kExitFailure;
    std::printf("removed %s (an engine still serving it stops only when it is stopped)\n", qPrintable(w.rest.first()));
    return kExitOk;
}

int run(const Words &w)
{
    if (w.rest.size() != 1) {
        printError(kCommand, "run takes the name of one export");
        return kExitUsage;
    }
    const auto store = load(w);
    if (!store)
        return kExitFailure;
    const auto record = store->find(w.rest.first());
    if (!record) {
        printError(
            kCommand, "no export is named '" + w.rest.first().toStdString() + "' in " + store->path().toStdString());
        return kExitFailure;
    }
    return runInForeground("exports run", {*record}, ForegroundOptions {w.force, true});
}

// start and stop belong to whoever supervises the export in the background: systemd's template unit.
int viaSystemd(const QString &verb, const Words &w)
{
    if (w.rest.size() != 1) {
        printError(kCommand, verb.toStdString() + " takes the name of one export");
        return kExitUsage;
    }
    const auto store = load(w);
    if (!store)
        return kExitFailure;
    if (!store->find(w.rest.first())) {
        printError(
            kCommand, "no export is named '" + w.rest.first().toStdString() + "' in " + store->path().toStdString());
        return kExitFailure;
    }
    const QString systemctl = QStandardPaths::findExecutable(QStringLiteral("systemctl"));
    if (systemctl.isEmpty() || !QFileInfo::exists(QStringLiteral("/run/systemd/system"))) {
        printError(kCommand,
            "systemd is not running here, so exports cannot be started in the background; run this one "
            "in the foreground with `aoesan-ctl exports run "
                + w.rest.first().toStdString() + storeWords(w)
                + "`, or every autostart export with `aoesan-ctl supervise" + storeWords(w) + "`");
        return kExitFailure;
    }
    const QString unit = QStringLiteral("aoesan-export@%1.service").arg(w.rest.first());
    const int code = QProcess::execute(systemctl, {verb, unit});
    if (code != 0)
        printError(kCommand,
            "systemctl " + verb.toStdString() + " " + unit.toStdString() + " failed; see `systemctl status "
                + unit.toStdString() + "`");
    return code == 0 ? kExitOk : kExitFailure;
}

} // namespace

int runExports(const QStringList &args)
{
    // -h anywhere (exports add --help, ...) is a question, answered before any file is read.
    if (isHelpRequest(args)) {
        std::printf("%s%s\n", kUsage, kExitCodeHelp);
        return kExitOk;
    }
    if (args.isEmpty()) {
        printError(kCommand, "say what to do: list, add, remove, run, start or stop");
        std::fprintf(stderr, "%s", kUsage);
        return kExitUsage;
    }
    const QString verb = args.first();
    const auto words = splitWords(args.mid(1));
    if (!words)
        return kExitUsage;
    if (verb == QLatin1String("list"))
        return list(*words);
    if (verb == QLatin1String("add"))
        return add(*words);
    if (verb == QLatin1String("remove"))
        return remove(*words);
    if (verb == QLatin1String("run"))
        return run(*words);
    if (verb == QLatin1String("start") || verb == QLatin1String("stop"))
        return viaSystemd(verb, *words);
    printError(kCommand, "unknown action '" + verb.toStdString() + "'");
    std::fprintf(stderr, "%s", kUsage);
    return kExitUsage;
}

} // namespace aoesan::cli
