// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl's subcommands called in-process (core/cli) with their console captured: every subcommand's
// --help, the usage errors (exit 2, the message and nothing on stdout), and what identify and the
// others say when the interface they are given cannot be opened. Nothing here opens a real interface:
// every initiator command is given -i with a name no machine has.
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include "cli/CapturedConsole.h"
#include "cli/Commands.h"
#include "cli/Subcommands.h"
#include "net/PacketCapability.h"

using namespace aoesan;
using aoesan::test::CommandRun;
using aoesan::test::runCommand;

namespace {

const QString kNoSuchInterface = QStringLiteral("aoesan-none0");

CommandRun runNamed(const QString &name, const QStringList &args)
{
    const cli::Subcommand *command = cli::findSubcommand(name);
    if (!command) {
        CommandRun missing;
        missing.err = "no subcommand " + name.toUtf8();
        return missing;
    }
    return runCommand(command->run, args);
}

} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableIsSortedAndListed();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void usageErrorsAreExact_data();
    void usageErrorsAreExact();
    void unknownOptionPrintsTheUsage();
    void interfaceThatCannotBeOpened_data();
    void interfaceThatCannotBeOpened();
    void interfacesListsATable();
    void kernelCommandsWithoutTheDriver();

private:
    QTemporaryDir m_home;
};

void TestCliCommands::initTestCase()
{
    // The user's own export list is never touched: the default one is in a temporary directory.
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_STATE_HOME", m_home.filePath(QStringLiteral("state")).toUtf8());
}

void TestCliCommands::tableIsSortedAndListed()
{
    const auto &table = cli::subcommands();
    QCOMPARE(table.size(), std::size_t(17));
    QVERIFY(cli::findSubcommand(QStringLiteral("monitor")));
    QVERIFY(cli::findSubcommand(QStringLiteral("bench")));
    QVERIFY(cli::findSubcommand(QStringLiteral("targets")));
    const QString help = cli::commandsHelp();
    QVERIFY(help.startsWith(QStringLiteral("Commands:\n")));
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0)
            QVERIFY2(table[i - 1].name < table[i].name, qPrintable(table[i].name));
        QCOMPARE(cli::findSubcommand(table[i].name), &table[i]);
        QVERIFY2(help.contains(QStringLiteral("  %1 ").arg(table[i].name)), qPrintable(help));
        QVERIFY2(help.contains(QString::fromLatin1(table[i].summary)), qPrintable(help));
    }
    // The summaries start in one column: after the longest name ("import-vblade-conf") and two spaces.
    QVERIFY2(help.contains(QStringLiteral("\n  stat") + QString(16, QLatin1Char(' ')) + QStringLiteral("discover AoE")),
        qPrintable(help));
    QCOMPARE(cli::findSubcommand(QStringLiteral("nosuch")), nullptr);
    QCOMPARE(cli::findSubcommand(QString()), nullptr);
}

void TestCliCommands::help_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args");
    // Every subcommand in the table, so that a new one is covered unasked.
    for (const auto &command : cli::subcommands()) {
        QTest::addRow("%s --help", qPrintable(command.name)) << command.name << QStringList {QStringLiteral("--help")};
        QTest::addRow("%s -h", qPrintable(command.name)) << command.name << QStringList {QStringLiteral("-h")};
        // Help wins over a wrong word next to it.
        QTest::addRow("%s --bogus --help", qPrintable(command.name))
            << command.name << QStringList {QStringLiteral("--bogus"), QStringLiteral("--help")};
    }
    QTest::addRow("exports add --help") << QStringLiteral("exports")
                                        << QStringList {QStringLiteral("add"), QStringLiteral("--help")};
}

void TestCliCommands::help()
{
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    const CommandRun run = runNamed(name, args);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    const QString out = QString::fromUtf8(run.out);
    // The usage line names the program as a person types it; QCommandLineParser says "Usage:", vblade's
    // usage (serve, exports) "usage:".
    QVERIFY2(out.startsWith(QStringLiteral("Usage: aoesan-ctl %1").arg(name))
            || out.startsWith(QStringLiteral("usage: aoesan-ctl %1").arg(name)),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Exit codes: 0 done, 1 failed or no answer, 2 usage error, 3 no permission.")),
        qPrintable(out));
    QVERIFY(out.endsWith(QLatin1Char('\n')));
    // Asking touches nothing: no export list was made.
    QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("config/aoesan/exports.json"))));
}

void TestCliCommands::usageErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");

    const QStringList on {QStringLiteral("-i"), kNoSuchInterface};
    const QString store = m_home.filePath(QStringLiteral("never.json"));
    QTest::addRow("interfaces extra") << QStringLiteral("interfaces") << QStringList {QStringLiteral("x")}
                                      << QStringLiteral("takes no arguments");
    QTest::addRow("attach without target") << QStringLiteral("attach") << on << QStringLiteral("give one SHELF.SLOT");
    QTest::addRow("attach broadcast slot") << QStringLiteral("attach") << on + QStringList {QStringLiteral("0.255")}
                                           << QStringLiteral("'0.255' is not SHELF.SLOT");
    QTest::addRow("attach --timeout 0") << QStringLiteral("attach")
                                        << on + QStringList {QStringLiteral("--timeout=0"), QStringLiteral("0.1")}
                                        << QStringLiteral("--timeout needs a number of seconds");
    QTest::addRow("detach two targets") << QStringLiteral("detach")
                                        << QStringList {QStringLiteral("0.1"), QStringLiteral("0.2")}
                                        << QStringLiteral("give one SHELF.SLOT");
    QTest::addRow("detach word") << QStringLiteral("detach") << QStringList {QStringLiteral("all")}
                                 << QStringLiteral("'all' is not SHELF.SLOT");
    QTest::addRow("stat --kernel -i") << QStringLiteral("stat") << on + QStringList {QStringLiteral("--kernel")}
                                      << QStringLiteral("--kernel reads the aoe driver's devices");
    QTest::addRow("stat --kernel bad regex")
        << QStringLiteral("stat") << QStringList {QStringLiteral("--kernel"), QStringLiteral("(")}
        << QStringLiteral("bad REGEX");
    QTest::addRow("stat --wait x") << QStringLiteral("stat") << on + QStringList {QStringLiteral("--wait=x")}
                                   << QStringLiteral("--wait needs a number of seconds, not 'x'");
    QTest::addRow("stat --quiet 0") << QStringLiteral("stat") << on + QStringList {QStringLiteral("--quiet=0")}
                                    << QStringLiteral("--quiet needs a number of seconds, not '0'");
    QTest::addRow("stat two regexes") << QStringLiteral("stat")
                                      << on + QStringList {QStringLiteral("a"), QStringLiteral("b")}
                                      << QStringLiteral("at most one REGEX");
    QTest::addRow("stat bad regex") << QStringLiteral("stat") << on + QStringList {QStringLiteral("(")}
                                    << QStringLiteral("bad REGEX: ");
    for (const char *command : {"identify", "config", "mask", "reserve"}) {
        const QString name = QString::fromLatin1(command);
        QTest::addRow("%s without target", command) << name << on << QStringLiteral("give one SHELF.SLOT, e.g. 7.3");
        QTest::addRow("%s two targets", command)
            << name << on + QStringList {QStringLiteral("1.2"), QStringLiteral("3.4")}
            << QStringLiteral("give one SHELF.SLOT, e.g. 7.3");
        QTest::addRow("%s broadcast slot", command)
            << name << on + QStringList {QStringLiteral("1.255")}
            << QStringLiteral("'1.255' is not SHELF.SLOT (shelf 0-65534, slot 0-254)");
        QTest::addRow("%s not an address", command)
            << name << on + QStringList {QStringLiteral("x.y")} << QStringLiteral("'x.y' is not SHELF.SLOT");
        QTest::addRow("%s bad timeout", command)
            << name << on + QStringList {QStringLiteral("1.2"), QStringLiteral("--timeout"), QStringLiteral("soon")}
            << QStringLiteral("--timeout needs a number of seconds, not 'soon'");
        QTest::addRow("%s unknown option", command)
            << name << on + QStringList {QStringLiteral("1.2"), QStringLiteral("--bogus")}
            << QStringLiteral("Unknown option 'bogus'.");
    }
    QTest::addRow("config two actions") << QStringLiteral(
        "config") << on + QStringList {QStringLiteral("1.2"), QStringLiteral("--set=a"), QStringLiteral("--test=b")}
                                        << QStringLiteral("choose one of --test, --prefix, --set and --force-set");
    QTest::addRow("config string too long")
        << QStringLiteral("config")
        << on + QStringList {QStringLiteral("1.2"), QStringLiteral("--force-set"), QString(1025, QLatin1Char('a'))}
        << QStringLiteral("a config string holds at most 1024 bytes");
    QTest::addRow("mask bad MAC") << QStringLiteral(
        "mask") << on + QStringList {QStringLiteral("1.2"), QStringLiteral("--add"), QStringLiteral("zz")}
                                  << QStringLiteral("'zz' is not a MAC address");
    QStringList many = on + QStringList {QStringLiteral("1.2")};
    for (int i = 0; i < 256; ++i)
        many << QStringLiteral("--add")
             << QStringLiteral("02:00:00:00:%1:%2")
                    .arg(i / 256, 2, 16, QLatin1Char('0'))
                    .arg(i % 256, 2, 16, QLatin1Char('0'));
    QTest::addRow("mask 256 directives") << QStringLiteral("mask") << many << QStringLiteral("at most 255 directives");
    QTest::addRow("reserve bad list") << QStringLiteral("reserve")
                                      << on + QStringList {QStringLiteral("1.2"), QStringLiteral("--set=a,b")}
                                      << QStringLiteral("'a,b' is not a comma-separated list of MAC addresses");
    QTest::addRow("reserve empty list") << QStringLiteral("reserve")
                                        << on + QStringList {QStringLiteral("1.2"), QStringLiteral("--force-set=,")}
                                        << QStringLiteral("',' is not a comma-separated list of MAC addresses");
    QTest::addRow("reserve two actions") << QStringLiteral("reserve")
                                         << on
            + QStringList {QStringLiteral("1.2"), QStringLiteral("--set=02:00:00:00:00:01"),
                QStringLiteral(
                    "--release")} << QStringLiteral("choose one of --set, --force-set, --release and --force-release");
    QTest::addRow("serve without words") << QStringLiteral(
        "serve") << QStringList {} << QStringLiteral("expected shelf, slot, interface and file; got 0 argument(s)");
    QTest::addRow("exports without verb")
        << QStringLiteral("exports") << QStringList {}
        << QStringLiteral("say what to do: list, show, add, set, remove, run, start or stop");
    QTest::addRow("exports unknown verb") << QStringLiteral("exports") << QStringList {QStringLiteral("bogus")}
                                          << QStringLiteral("unknown action 'bogus'");
    QTest::addRow("exports --store without value")
        << QStringLiteral("exports") << QStringList {QStringLiteral("list"), QStringLiteral("--store")}
        << QStringLiteral("--store needs a value");
    QTest::addRow("exports add too few words") << QStringLiteral("exports")
                                               << QStringList {QStringLiteral("add"), QStringLiteral("--store"), store,
                                                      QStringLiteral("7"), QStringLiteral("3")}
                                               << QStringLiteral("add needs at least shelf, slot, interface and file");
    QTest::addRow("exports add broadcast slot")
        << QStringLiteral("exports")
        << QStringList {QStringLiteral("add"), QStringLiteral("--store"), store, QStringLiteral("--force"),
               QStringLiteral("7"), QStringLiteral("255"), QStringLiteral("lan1"), QStringLiteral("/x.img")}
        << QStringLiteral("255 means broadcast");
    QTest::addRow("exports add bad name")
        << QStringLiteral("exports")
        << QStringList {QStringLiteral("add"), QStringLiteral("--store"), store, QStringLiteral("--name=a b"),
               QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), QStringLiteral("/x.img")}
        << QStringLiteral("the name 'a b'");
    QTest::addRow("exports add unknown option")
        << QStringLiteral("exports")
        << QStringList {QStringLiteral("add"), QStringLiteral("--store"), store, QStringLiteral("-q"),
               QStringLiteral("7"), QStringLiteral("3"), QStringLiteral("lan1"), QStringLiteral("/x.img")}
        << QStringLiteral("unknown option -q");
    for (const char *verb : {"remove", "run", "start", "stop"}) {
        QTest::addRow("exports %s without name", verb)
            << QStringLiteral("exports") << QStringList {QString::fromLatin1(verb), QStringLiteral("--store"), store}
            << QStringLiteral("%1 takes the name of one export").arg(QString::fromLatin1(verb));
        QTest::addRow("exports %s two names", verb)
            << QStringLiteral("exports")
            << QStringList {QString::fromLatin1(verb), QStringLiteral("a"), QStringLiteral("b"),
                   QStringLiteral("--store"), store}
            << QStringLiteral("%1 takes the name of one export").arg(QString::fromLatin1(verb));
    }
    QTest::addRow("supervise extra") << QStringLiteral("supervise")
                                     << QStringList {QStringLiteral("--store"), store, QStringLiteral("x")}
                                     << QStringLiteral("takes no arguments");
    QTest::addRow("import two directories")
        << QStringLiteral("import-vblade-conf")
        << QStringList {QStringLiteral("--store"), store, QStringLiteral("a"), QStringLiteral("b")}
        << QStringLiteral("takes one directory");
}

void TestCliCommands::usageErrors()
{
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const CommandRun run = runNamed(name, args);
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.startsWith(QStringLiteral("aoesan-ctl %1: ").arg(name)), qPrintable(err));
    QVERIFY2(err.contains(says), qPrintable(err));
    // A usage error changes nothing.
    QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("never.json"))));
}

void TestCliCommands::usageErrorsAreExact_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("err");
    const QStringList on {QStringLiteral("-i"), kNoSuchInterface};
    QTest::addRow("identify without target")
        << QStringLiteral("identify") << on << QByteArray("aoesan-ctl identify: give one SHELF.SLOT, e.g. 7.3\n");
    QTest::addRow("reserve bad list")
        << QStringLiteral("reserve")
        << on + QStringList {QStringLiteral("e1.2"), QStringLiteral("--set"), QStringLiteral("x")}
        << QByteArray("aoesan-ctl reserve: 'x' is not a comma-separated list of MAC addresses\n");
    QTest::addRow("interfaces extra") << QStringLiteral("interfaces") << QStringList {QStringLiteral("x")}
                                      << QByteArray("aoesan-ctl interfaces: takes no arguments\n");
    QTest::addRow("exports remove") << QStringLiteral("exports") << QStringList {QStringLiteral("remove")}
                                    << QByteArray("aoesan-ctl exports: remove takes the name of one export\n");
}

void TestCliCommands::usageErrorsAreExact()
{
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QFETCH(QByteArray, err);
    const CommandRun run = runNamed(name, args);
    QCOMPARE(run.code, 2);
    QCOMPARE(run.err, err);
    QCOMPARE(run.out, QByteArray());
}

void TestCliCommands::unknownOptionPrintsTheUsage()
{
    const CommandRun run = runCommand(
        cli::runMask, {QStringLiteral("-i"), kNoSuchInterface, QStringLiteral("--frobnicate"), QStringLiteral("1.2")});
    QCOMPARE(run.code, 2);
    QVERIFY(run.out.isEmpty());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.startsWith(QStringLiteral(
                 "aoesan-ctl mask: Unknown option 'frobnicate'.\nUsage: aoesan-ctl mask [options] SHELF.SLOT\n")),
        qPrintable(err));
    // The options the command shares with the other target commands come first, its own after them.
    const qsizetype iface = err.indexOf(QStringLiteral("-i, --interface <IFACE>"));
    const qsizetype timeout = err.indexOf(QStringLiteral("--timeout <SECS>"));
    const qsizetype add = err.indexOf(QStringLiteral("--add <MAC>"));
    const qsizetype help = err.indexOf(QStringLiteral("-h, --help"));
    QVERIFY2(iface > 0 && iface < timeout && timeout < add && add < help, qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("default: the only one that is up")));
    QVERIFY(err.contains(
        QRegularExpression(QStringLiteral("\n  SHELF\\.SLOT +The target, e\\.g\\. 7\\.3 or e7\\.3\\.\n"))));
}

void TestCliCommands::interfaceThatCannotBeOpened_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("extra");
    QTest::addRow("stat") << QStringLiteral("stat") << QStringList {};
    QTest::addRow("identify") << QStringLiteral("identify") << QStringList {QStringLiteral("7.3")};
    QTest::addRow("attach") << QStringLiteral("attach") << QStringList {QStringLiteral("7.3")};
    QTest::addRow("config") << QStringLiteral("config") << QStringList {QStringLiteral("7.3")};
    QTest::addRow("mask") << QStringLiteral("mask") << QStringList {QStringLiteral("7.3")};
    QTest::addRow("reserve") << QStringLiteral("reserve")
                             << QStringList {QStringLiteral("7.3"), QStringLiteral("--release")};
}

void TestCliCommands::interfaceThatCannotBeOpened()
{
    QFETCH(QString, name);
    QFETCH(QStringList, extra);
    const CommandRun run = runNamed(name, QStringList {QStringLiteral("-i"), kNoSuchInterface} + extra);
    QVERIFY(run.out.isEmpty());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.startsWith(QStringLiteral("aoesan-ctl %1: ").arg(name)), qPrintable(err));
    // Without CAP_NET_RAW the permission is what is missing, and the message says how to get it: exit 3.
    if (aoesan::net::checkPacketCapability(QCoreApplication::applicationFilePath().toStdString())) {
        QVERIFY2(run.code == 3, qPrintable(run.describe()));
        return;
    }
    QVERIFY2(run.code == 1, qPrintable(run.describe()));
    QVERIFY2(err.contains(QStringLiteral("no network interface named '%1'").arg(kNoSuchInterface)), qPrintable(err));
    QVERIFY(err.endsWith(QLatin1Char('\n')) && err.count(QLatin1Char('\n')) == 1);
}

void TestCliCommands::kernelCommandsWithoutTheDriver()
{
    // This machine's kernel has no aoe driver loaded (the tests never load it: the VM test has the real one).
    if (QFileInfo::exists(QStringLiteral("/sys/module/aoe")))
        QSKIP("the aoe driver is loaded on this machine; tst_kernel_driver and tst_kernel_attach_vm cover it");
    const CommandRun stat = runNamed(QStringLiteral("stat"), {QStringLiteral("--kernel")});
    QCOMPARE(stat.code, 1);
    QCOMPARE(stat.out, QByteArray());
    QCOMPARE(stat.err,
        QByteArray(
            "aoesan-ctl stat: the aoe driver is not loaded (`aoesan-ctl attach SHELF.SLOT -i IFACE` loads it)\n"));
    const CommandRun json = runNamed(QStringLiteral("stat"), {QStringLiteral("--kernel"), QStringLiteral("--json")});
    QCOMPARE(json.code, 1);
    if (::geteuid() != 0)
        QSKIP("detach needs root to reach the driver; the rest was checked");
    const CommandRun detach = runNamed(QStringLiteral("detach"), {QStringLiteral("e0.1")});
    QCOMPARE(detach.code, 1);
    QCOMPARE(detach.err, QByteArray("aoesan-ctl detach: e0.1 is not attached: the aoe driver is not loaded\n"));
}

void TestCliCommands::interfacesListsATable()
{
    const CommandRun run = runCommand(cli::runInterfaces, {});
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY(run.err.isEmpty());
    const QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.first(), QByteArray("INTERFACE        MAC                  MTU LINK"));
    QVERIFY(run.out.endsWith('\n'));
    for (const QByteArray &line : lines.mid(1)) {
        QVERIFY2(!line.startsWith("lo "), run.out.constData()); // loopback is no AoE interface
        if (!line.isEmpty())
            QVERIFY2(line.size() >= 43 && line.at(16) == ' ' && line.at(34) == ' ', line.constData());
    }
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
