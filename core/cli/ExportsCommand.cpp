// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl exports list|show|add|set|remove|run|start|stop: the export list, kept by aoesan-service when one
// is on the bus (ServiceExports) and otherwise in a file (LocalExports: --store, start/stop through systemd);
// one export run in the foreground under the supervisor (what aoesan-export@NAME.service runs). The list and
// its start and stop are an ExportsBackend's; this file reads the words and prints.
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include "cli/AllowList.h"
#include "cli/Commands.h"
#include "cli/ExportsSupport.h"
#include "cli/ForegroundRun.h"
#include "cli/LocalExports.h"
#include "cli/ServiceExports.h"
#include "platform/BlockDeviceSafety.h"
#include "platform/BlockDevicesUdev.h"
#include "supervisor/ExportAddChecks.h"
#include "supervisor/ExportStatusJson.h"
#include "supervisor/VbladeArguments.h"
#include "util/CommandHelp.h"
#include "util/ExitCode.h"

namespace aoesan::cli {

namespace {

const char *kUsage
    = "usage: aoesan-ctl exports list [--json] [--store FILE]\n"
      "       aoesan-ctl exports show NAME [--json] [--store FILE]\n"
      "       aoesan-ctl exports add [--name NAME] [--autostart] [--config STRING] [--force] [--store FILE]\n"
      "                              [-b bufcnt] [-d] [-s] [-r] [-m mac-or-name[,...]] [-o offset]\n"
      "                              [-l length] shelf slot netif file\n"
      "       aoesan-ctl exports set NAME [--autostart|--no-autostart] [--config STRING|--no-config]\n"
      "                              [--wire-edits forget|keep|refuse]\n"
      "                              [-r|--read-write] [-d|--no-direct] [-s|--no-sync]\n"
      "                              [-m mac-or-name[,...]|--no-macs] [-b bufcnt] [--interface IF] [--file PATH]\n"
      "                              [--store FILE]\n"
      "       aoesan-ctl exports remove NAME [--store FILE]\n"
      "       aoesan-ctl exports run NAME [--force] [--store FILE]   serve it in the foreground until SIGTERM\n"
      "       aoesan-ctl exports start|stop NAME\n"
      "When aoesan-service runs (on the system bus, else on your session bus), every action but run goes\n"
      "through it: it keeps the list, starts and stops the engines, and asks polkit whether you may (exit 3\n"
      "with the fix when not). With --store, or with no service, the list is the file and start|stop go through\n"
      "systemd (aoesan-export@NAME.service).\n"
      "add takes vblade's arguments with vblade's meaning (offset and length in 512-byte sectors); add and set\n"
      "refuse an offset or length past the end of the file or device, and an interface that does not exist here\n"
      "or is not Ethernet (lo) unless --force.\n"
      "-m takes MAC addresses or host names from /etc/ethers (ethers(5)), joined by commas. A name becomes its\n"
      "MAC when the export is added or set: a later change of /etc/ethers changes no export. A MAC list keeps out\n"
      "no one who can send with another machine's address; on a shared network only a VLAN or interface of the\n"
      "export's own does (docs/security.md). AOESAN_ETHERS names another file to read instead (for tests).\n"
      "Any host on the network can also send mask and reserve edits. --wire-edits says what they do: forget\n"
      "(the default, as vblade) applies them until the export stops, keep saves them for the next start, refuse\n"
      "turns them down. The -m list holds at every start whichever it is.\n";

// What each word means, printed with --help only (one line per option, as `serve --help` lists them).
const char *kOptionsHelp
    = "Options:\n"
      "  --json             print JSON (list, show)\n"
      "  --store FILE       use this export list file, not the service's (every action)\n"
      "  --name NAME        the new export's name (add; default eSHELF.SLOT-NETIF)\n"
      "  --autostart        start it with the service or supervise (add, set)\n"
      "  --no-autostart     start it only when asked (set)\n"
      "  --config STRING    the config string the target answers with (add, set)\n"
      "  --no-config        an empty config string (set)\n"
      "  --wire-edits WORD  what mask and reserve edits from the network do: forget, keep or refuse (add, set)\n"
      "  --force            add, set: an interface that is not here (yet); run: a device that looks in use\n"
      "  -b bufcnt          requests the initiator may have outstanding (add, set)\n"
      "  -d                 O_DIRECT: bypass the page cache (add, set)\n"
      "  --no-direct        no O_DIRECT (set)\n"
      "  -s                 O_SYNC: writes reach the disk before they are answered (add, set)\n"
      "  --no-sync          no O_SYNC (set)\n"
      "  -r                 read-only (add, set)\n"
      "  --read-write       writable (set)\n"
      "  -m mac-or-name,... only these initiators may use the export: MACs or /etc/ethers names (add, set)\n"
      "  --no-macs          every initiator may use it (set)\n"
      "  -o offset          start this many 512-byte sectors into the file (add)\n"
      "  -l length          export this many 512-byte sectors (add)\n"
      "  --interface IF     serve on this interface (set)\n"
      "  --file PATH        serve this file or block device (set)\n";

// The words of a subcommand, split into aoesan's long options and the rest (vblade's own words).
struct Words
{
    QString store;
    QString name;
    QString config;
    bool autostart = false;
    bool force = false;
    bool json = false;
    bool configGiven = false;
    std::optional<engine::WireEdits> wireEdits;
    QStringList rest;
};

std::optional<Words> splitWords(const Command &command, const QStringList &args)
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
                command.error(a.toStdString() + " needs a value");
                return false;
            }
            into = args.at(++i);
            return true;
        };
        const QString key = a.section(QLatin1Char('='), 0, 0);
        if (key == QLatin1String("--config"))
            w.configGiven = true;
        if (key == QLatin1String("--store") || key == QLatin1String("--name") || key == QLatin1String("--config")) {
            QString &into = key == QLatin1String("--store") ? w.store
                : key == QLatin1String("--name")            ? w.name
                                                            : w.config;
            if (!value(into))
                return std::nullopt;
        } else if (key == QLatin1String("--wire-edits")) {
            QString word;
            if (!value(word))
                return std::nullopt;
            w.wireEdits = engine::wireEditsFromWord(word.toStdString());
            if (!w.wireEdits) {
                command.error("--wire-edits takes forget, keep or refuse, not '" + word.toStdString() + "'");
                return std::nullopt;
            }
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

int list(const Command &command, ExportsBackend &exports, const Words &w)
{
    const auto records = exports.list();
    if (!records)
        return ExitFailed;
    std::FILE *out = command.out();
    if (w.json) {
        QJsonArray array;
        for (const auto &r : *records)
            array.append(supervisor::recordToJson(r));
        std::fprintf(out, "%s", QJsonDocument(array).toJson(QJsonDocument::Indented).constData());
        return ExitOk;
    }
    if (records->empty()) {
        std::fprintf(out, "no exports in %s (add one with: aoesan-ctl exports add%s ...)\n",
            qPrintable(exports.location()), storeWords(w.store).c_str());
        return ExitOk;
    }
    std::fprintf(out, "%-20s %-10s %-12s %-9s %s\n", "NAME", "TARGET", "INTERFACE", "AUTOSTART", "FILE");
    const net::EthersTable names = namesForDisplay();
    for (const auto &r : *records) {
        std::fprintf(out, "%-20s %-10s %-12s %-9s %s\n", qPrintable(r.name), qPrintable(r.address()),
            qPrintable(r.interface), r.autostart ? "yes" : "no", qPrintable(r.path));
        // Under its export, so the columns stay as they were for every export that allows everyone.
        if (!r.macs.empty())
            std::fprintf(out, "%-20s only %s\n", "", qPrintable(describeAllowList(r.macs, names)));
    }
    return ExitOk;
}

// What the names given with -m became: the MACs are what the export keeps.
void printAllowed(const Command &command, const std::vector<protocol::MacAddress> &macs)
{
    if (!macs.empty())
        std::fprintf(command.out(), "  allowed: %s\n", qPrintable(describeAllowList(macs, namesForDisplay())));
}

// Things worth knowing before the first start: a missing file, a device in use.
void warnAbout(const Command &command, const supervisor::ExportRecord &record)
{
    const QFileInfo info(record.path);
    if (!info.exists()) {
        std::fprintf(command.err(),
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
        std::fprintf(command.err(), "aoesan-ctl exports: warning: %s\n",
            qPrintable(QString(said).replace(QLatin1Char('\n'), QStringLiteral("\naoesan-ctl exports: warning: "))));
}

// What this machine says about a record before it is kept (supervisor/ExportAddChecks.h): an offset or length
// past the end of its file, an interface that is not here. Exit 1 with the reason, or ExitOk.
int refuseHere(const Command &command, const supervisor::ExportRecord &record, bool force, bool checkInterface)
{
    // An export on `lo` or on a name that is no interface here would never serve anyone. --force keeps one
    // for an interface made later (a USB NIC, a VLAN or bridge that exists only after boot).
    const auto presence = force || !checkInterface ? supervisor::InterfacePresence::MayBeMissing
                                                   : supervisor::InterfacePresence::Required;
    const auto problem = supervisor::checkRecordOnThisMachine(record, presence);
    if (!problem)
        return ExitOk;
    if (problem->code == supervisor::RecordError::Code::BadInterface)
        return command.failure(problem->message.toStdString()
            + "; name an Ethernet interface (`aoesan-ctl interfaces` lists them), or add --force for one that "
              "appears later (a USB NIC, a VLAN or bridge made at boot)");
    return command.failure(
        problem->message.toStdString() + "; give -o and -l (512-byte sectors) that fit the file or device");
}

int add(const Command &command, ExportsBackend &exports, const Words &w)
{
    if (w.rest.size() < 4) {
        command.error("add needs at least shelf, slot, interface and file");
        std::fprintf(command.err(), "%s", kUsage);
        return ExitUsage;
    }
    QString name = w.name;
    if (name.isEmpty())
        name = QStringLiteral("e%1.%2-%3")
                   .arg(w.rest.at(w.rest.size() - 4), w.rest.at(w.rest.size() - 3), w.rest.at(w.rest.size() - 2));
    const auto words = resolveMacArguments(w.rest);
    if (!words)
        return words.error().usage ? command.usageError(words.error().message) : command.failure(words.error().message);
    auto record = supervisor::recordFromVbladeArguments(name, words.value(), QDir::currentPath());
    if (!record)
        return command.usageError(record.error().toStdString());
    record->autostart = w.autostart;
    if (w.wireEdits)
        record->wireEdits = *w.wireEdits;
    record->configString = w.config;
    if (const int refused = refuseHere(command, record.value(), w.force, true); refused != ExitOk)
        return refused;
    if (const int code = exports.add(record.value()); code != ExitOk)
        return code;
    std::fprintf(command.out(), "added %s: %s\n", qPrintable(record->name),
        qPrintable(supervisor::describeRecord(record.value())));
    printAllowed(command, record->macs);
    warnAbout(command, record.value());
    return ExitOk;
}

// The verbs that name one export: remove, run, start and stop.
std::optional<QString> oneName(const Command &command, const char *verb, const Words &w)
{
    if (w.rest.size() != 1) {
        command.error(std::string(verb) + " takes the name of one export");
        return std::nullopt;
    }
    return w.rest.first();
}

int remove(const Command &command, ExportsBackend &exports, const Words &w)
{
    const auto name = oneName(command, "remove", w);
    if (!name)
        return ExitUsage;
    if (const int code = exports.remove(*name); code != ExitOk)
        return code;
    std::fprintf(
        command.out(), "removed %s (an engine still serving it stops only when it is stopped)\n", qPrintable(*name));
    return ExitOk;
}

int show(const Command &command, ExportsBackend &exports, const Words &w)
{
    const auto name = oneName(command, "show", w);
    if (!name)
        return ExitUsage;
    const auto records = exports.list();
    if (!records)
        return ExitFailed;
    const auto it = std::find_if(records->begin(), records->end(), [&](const auto &r) { return r.name == *name; });
    if (it == records->end())
        return command.failure(
            "no export is named '" + name->toStdString() + "' in " + exports.location().toStdString());
    const auto status = exports.status(*name);
    std::FILE *out = command.out();
    if (w.json) {
        QJsonObject o {{QStringLiteral("record"), supervisor::recordToJson(*it)}};
        if (status)
            o.insert(QStringLiteral("status"), supervisor::statusToJson(*status));
        std::fprintf(out, "%s", QJsonDocument(o).toJson(QJsonDocument::Indented).constData());
        return ExitOk;
    }
    std::fprintf(out, "%s\n", qPrintable(supervisor::describeRecord(*it)));
    std::fprintf(out, "  autostart: %s\n", it->autostart ? "yes" : "no");
    std::fprintf(out, "  allowed:   %s\n",
        it->macs.empty() ? "every initiator" : qPrintable(describeAllowList(it->macs, namesForDisplay())));
    if (!status) {
        std::fprintf(out, "  state:     not known here (%s keeps no state)\n", qPrintable(exports.location()));
        return ExitOk;
    }
    std::fprintf(out, "  state:     %s", qPrintable(supervisor::stateName(status->state)));
    if (status->since.isValid())
        std::fprintf(out, " since %s", qPrintable(status->since.toLocalTime().toString(Qt::ISODate)));
    if (status->pid > 0)
        std::fprintf(out, " (engine pid %lld)", static_cast<long long>(status->pid));
    std::fprintf(out, "\n");
    // The running engine's list differs from the record's when a host on the network changed it.
    if (!status->accessChangedBy.isEmpty()) {
        const QStringList &now = status->masks.isEmpty() ? status->reservations : status->masks;
        std::fprintf(out, "  now:       %s%s (set over the network by %s, %s)\n",
            now.isEmpty() ? "every initiator" : "only ", qPrintable(now.join(QStringLiteral(", "))),
            qPrintable(status->accessChangedBy),
            status->accessKept ? "kept for the next start" : "until the export stops");
    }
    if (!status->clients.isEmpty())
        std::fprintf(out, "  clients:   %s\n", qPrintable(status->clients.join(QStringLiteral(", "))));
    if (status->restarts > 0)
        std::fprintf(out, "  restarts:  %d\n", status->restarts);
    if (status->lastError)
        std::fprintf(out, "  error:     %s\n", qPrintable(status->lastError->describe()));
    for (const auto &warning : status->warnings)
        std::fprintf(out, "  warning:   %s\n", qPrintable(warning));
    return ExitOk;
}

// Changes what the words say and keeps the rest of the record.
int set(const Command &command, ExportsBackend &exports, const Words &w)
{
    if (w.rest.isEmpty())
        return command.usageError("set takes the name of one export and what to change");
    const QString name = w.rest.first();
    const auto records = exports.list();
    if (!records)
        return ExitFailed;
    const auto it = std::find_if(records->begin(), records->end(), [&](const auto &r) { return r.name == name; });
    if (it == records->end())
        return command.failure(
            "no export is named '" + name.toStdString() + "' in " + exports.location().toStdString());
    supervisor::ExportRecord r = *it;
    if (w.autostart)
        r.autostart = true;
    if (w.configGiven)
        r.configString = w.config;
    if (w.wireEdits)
        r.wireEdits = *w.wireEdits;
    const QStringList words = w.rest.mid(1);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &a = words.at(i);
        const auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= words.size()) {
                command.error(a.toStdString() + " needs a value");
                return std::nullopt;
            }
            return words.at(++i);
        };
        if (a == QLatin1String("--no-autostart"))
            r.autostart = false;
        else if (a == QLatin1String("--no-config"))
            r.configString.clear();
        else if (a == QLatin1String("-r"))
            r.readOnly = true;
        else if (a == QLatin1String("--read-write"))
            r.readOnly = false;
        else if (a == QLatin1String("-d"))
            r.direct = true;
        else if (a == QLatin1String("--no-direct"))
            r.direct = false;
        else if (a == QLatin1String("-s"))
            r.sync = true;
        else if (a == QLatin1String("--no-sync"))
            r.sync = false;
        else if (a == QLatin1String("--no-macs"))
            r.macs.clear();
        else if (a == QLatin1String("-m") || a == QLatin1String("-b") || a == QLatin1String("--interface")
            || a == QLatin1String("--file")) {
            const auto v = value();
            if (!v)
                return ExitUsage;
            if (a == QLatin1String("--interface")) {
                r.interface = *v;
            } else if (a == QLatin1String("--file")) {
                r.path = QDir::isAbsolutePath(*v) ? *v : QDir::current().absoluteFilePath(*v);
            } else if (a == QLatin1String("-b")) {
                bool ok = false;
                const uint n = v->toUInt(&ok);
                if (!ok || n == 0 || n > 65535)
                    return command.usageError("-b needs a buffer count from 1 to 65535");
                r.bufferCount = static_cast<std::uint16_t>(n);
            } else {
                auto macs = resolveAllowList(*v);
                if (!macs)
                    return macs.error().usage ? command.usageError(macs.error().message)
                                              : command.failure(macs.error().message);
                if (macs->empty())
                    return command.usageError("-m needs at least one MAC address or host name (--no-macs: everyone)");
                r.macs = std::move(macs).value();
            }
        } else {
            command.error("set does not know '" + a.toStdString() + "'");
            std::fprintf(command.err(), "%s", kUsage);
            return ExitUsage;
        }
    }
    if (auto invalid = supervisor::validateRecord(r))
        return command.usageError(invalid->message.toStdString());
    // Only what this command changes is checked here: an export whose USB NIC is unplugged right now can
    // still be made autostart.
    if (r.path != it->path || r.interface != it->interface) {
        if (const int refused = refuseHere(command, r, w.force, r.interface != it->interface); refused != ExitOk)
            return refused;
    }
    if (const int code = exports.change(r); code != ExitOk)
        return code;
    std::fprintf(command.out(), "changed %s: %s\n", qPrintable(r.name), qPrintable(supervisor::describeRecord(r)));
    printAllowed(command, r.macs);
    return ExitOk;
}

// Serves one export in the foreground: what aoesan-export@NAME.service runs, so always from the local list.
int run(const Command &command, LocalExports &exports, const Words &w)
{
    const auto name = oneName(command, "run", w);
    if (!name)
        return ExitUsage;
    const auto record = exports.find(*name);
    if (!record)
        return ExitFailed;
    return runInForeground(Command("exports run", command.console()), {*record}, ForegroundOptions {w.force, true});
}

} // namespace

int runExports(const QStringList &args, const Console &console)
{
    const Command command("exports", console);
    // -h anywhere (exports add --help, ...) is a question, answered before any file is read.
    if (isHelpRequest(args)) {
        std::fprintf(console.out, "%s%s%s\n", kUsage, kOptionsHelp, kExitCodeHelp);
        return ExitOk;
    }
    if (args.isEmpty()) {
        command.error("say what to do: list, show, add, set, remove, run, start or stop");
        std::fprintf(console.err, "%s", kUsage);
        return ExitUsage;
    }
    const QString verb = args.first();
    const auto words = splitWords(command, args.mid(1));
    if (!words)
        return ExitUsage;
    LocalExports local(command, words->store);
    // The service keeps the list when it runs, unless --store names a file of one's own.
    std::unique_ptr<ServiceExports> viaService;
    if (words->store.isEmpty() && verb != QLatin1String("run")) {
        if (const auto bus = service::ServiceClient::findService())
            viaService = std::make_unique<ServiceExports>(command, *bus);
    }
    ExportsBackend &exports = viaService ? static_cast<ExportsBackend &>(*viaService) : local;
    if (verb == QLatin1String("list"))
        return list(command, exports, *words);
    if (verb == QLatin1String("show"))
        return show(command, exports, *words);
    if (verb == QLatin1String("set"))
        return set(command, exports, *words);
    if (verb == QLatin1String("add"))
        return add(command, exports, *words);
    if (verb == QLatin1String("remove"))
        return remove(command, exports, *words);
    if (verb == QLatin1String("run"))
        return run(command, local, *words);
    if (verb == QLatin1String("start") || verb == QLatin1String("stop")) {
        const auto name = oneName(command, verb == QLatin1String("start") ? "start" : "stop", *words);
        if (!name)
            return ExitUsage;
        return verb == QLatin1String("start") ? exports.start(*name) : exports.stop(*name);
    }
    command.error("unknown action '" + verb.toStdString() + "'");
    std::fprintf(console.err, "%s", kUsage);
    return ExitUsage;
}

} // namespace aoesan::cli
