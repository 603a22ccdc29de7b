// SPDX-License-Identifier: GPL-3.0-or-later
// -h/--help of every aoesan-ctl and aoesan-engine subcommand answers with that subcommand's help and does
// nothing else: exit 0, the help on stdout with the usage line naming the program as a person types it,
// no AoE frame on the wire (a packet socket captures on the namespace's interface), no socket opened by the
// program (strace), no file written under a private HOME, XDG directories or --store path.
// The subcommands come from the programs' own --help listings, so a new subcommand is covered unasked.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <unistd.h>

#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sys/socket.h>

#include "tst_ctl_helpers.h"

using namespace aoesan::test;

namespace {

constexpr std::uint16_t kAoeEtherType = 0x88a2;

// Counts the AoE frames that pass an interface, in or out, from the moment it is opened.
class Capture
{
public:
    bool open(const Lab &lab, const QString &netns, const QString &interface)
    {
        const NamespaceGuard inside = lab.enter(netns);
        if (!inside.ok())
            return false;
        m_fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));
        if (m_fd < 0)
            return false;
        sockaddr_ll address {};
        address.sll_family = AF_PACKET;
        address.sll_protocol = htons(ETH_P_ALL);
        address.sll_ifindex = static_cast<int>(::if_nametoindex(qPrintable(interface)));
        return address.sll_ifindex > 0
            && ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    }
    ~Capture()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    // The AoE frames seen since the last call.
    int takeAoeFrames()
    {
        int count = 0;
        unsigned char frame[2048];
        for (;;) {
            const ssize_t n = ::recv(m_fd, frame, sizeof frame, 0);
            if (n < 0)
                break;
            if (n >= 14 && ((frame[12] << 8) | frame[13]) == kAoeEtherType)
                ++count;
        }
        return count;
    }

private:
    int m_fd = -1;
};

struct Program
{
    QString path;
    QString name; // as usage lines say it
};

Program ctlProgram()
{
    return {QStringLiteral(AOESAN_CTL), QStringLiteral("aoesan-ctl")};
}

Program engineProgram()
{
    return {QStringLiteral(AOESAN_ENGINE), QStringLiteral("aoesan-engine")};
}

// The first word of each indented line under `heading` in a --help text (up to the next blank line).
QStringList listedUnder(const QString &help, const QString &heading)
{
    QStringList names;
    const qsizetype start = help.indexOf(heading + QLatin1Char('\n'));
    if (start < 0)
        return names;
    const QStringList lines = help.mid(start + heading.size() + 1).split(QLatin1Char('\n'));
    static const QRegularExpression entry(QStringLiteral("^  ([a-z][a-z-]*)\\s"));
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            break;
        const auto match = entry.match(line);
        if (match.hasMatch())
            names << match.captured(1);
    }
    return names;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_lab.reset(); }
    void listsAreFound();
    void help_data();
    void help();
    void unknownLogLevelIsAUsageError_data();
    void unknownLogLevelIsAUsageError();

private:
    // Runs program with a private HOME and XDG directories under strace in the lab's initiator namespace.
    Run runQuiet(const Program &program, const QStringList &args, QString *sockets);
    QString helpOf(const Program &program);

    std::unique_ptr<Lab> m_lab;
    Capture m_capture;
    QTemporaryDir m_home;
    QString m_strace;
};

void TestCliHelp::initTestCase()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("strace")));
    m_strace = Lab::findTool(QStringLiteral("strace"));
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    QVERIFY(m_home.isValid());
    QVERIFY(m_capture.open(*m_lab, m_lab->initiatorNamespace(), Lab::initiatorInterface()));
}

Run TestCliHelp::runQuiet(const Program &program, const QStringList &args, QString *sockets)
{
    const QString trace = m_lab->workPath(QStringLiteral("strace.out"));
    QFile::remove(trace);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path() + QStringLiteral("/home"));
    for (const char *xdg : {"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
        env.insert(QString::fromLatin1(xdg), m_home.path() + QLatin1Char('/') + QString::fromLatin1(xdg));
    env.remove(QStringLiteral("AOESAN_LOG"));
    process.setProcessEnvironment(env);
    process.setProgram(Lab::findTool(QStringLiteral("ip")));
    process.setArguments(QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->initiatorNamespace(),
                             m_strace, QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-e"),
                             QStringLiteral("trace=socket"), QStringLiteral("-o"), trace, program.path}
        + args);
    process.setStandardInputFile(QProcess::nullDevice());
    Run run;
    process.start();
    if (!process.waitForStarted() || !process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        run.err = "did not finish in time";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    QFile file(trace);
    if (file.open(QIODevice::ReadOnly))
        *sockets = QString::fromUtf8(file.readAll());
    return run;
}

QString TestCliHelp::helpOf(const Program &program)
{
    QString sockets;
    const Run run = runQuiet(program, {QStringLiteral("--help")}, &sockets);
    return run.exitCode == 0 ? QString::fromUtf8(run.out) : QString();
}

void TestCliHelp::listsAreFound()
{
    // The lists the table below is built from: if a help text loses its listing, this says so.
    const QStringList commands = listedUnder(helpOf(ctlProgram()), QStringLiteral("Commands:"));
    for (const char *known : {"stat", "identify", "config", "mask", "reserve", "exports", "supervise", "serve"})
        QVERIFY2(commands.contains(QString::fromLatin1(known)), qPrintable(commands.join(QLatin1Char(' '))));
    const QStringList modes = listedUnder(helpOf(engineProgram()), QStringLiteral("Modes:"));
    QCOMPARE(modes, (QStringList {QStringLiteral("serve"), QStringLiteral("probe"), QStringLiteral("capture")}));
}

void TestCliHelp::help_data()
{
    QTest::addColumn<bool>("engine");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage");
    if (!m_lab)
        QSKIP("no lab");
    const QString store = m_home.path() + QStringLiteral("/store/exports.json");
    for (const auto &[program, heading] : {std::pair {ctlProgram(), QStringLiteral("Commands:")},
             std::pair {engineProgram(), QStringLiteral("Modes:")}}) {
        const bool engine = program.name == QLatin1String("aoesan-engine");
        const QStringList listed = listedUnder(helpOf(program), heading);
        QTest::newRow(qPrintable(program.name + QStringLiteral(" --help")))
            << engine << QStringList {QStringLiteral("--help")} << QStringLiteral("Usage: %1 ").arg(program.name);
        for (const QString &command : listed) {
            const QString usage = QStringLiteral("sage: %1 %2 ").arg(program.name, command);
            for (const char *flag : {"--help", "-h"}) {
                const QString label = QStringLiteral("%1 %2 %3").arg(program.name, command, QString::fromLatin1(flag));
                QTest::newRow(qPrintable(label)) << engine << QStringList {command, QString::fromLatin1(flag)} << usage;
            }
            // Help also wins over the other words a person typed, a --store among them.
            QTest::newRow(qPrintable(QStringLiteral("%1 %2 with other words").arg(program.name, command)))
                << engine
                << QStringList {command, QStringLiteral("--store"), store, QStringLiteral("7.3"), QStringLiteral("-i"),
                       Lab::initiatorInterface(), QStringLiteral("--help")}
                << usage;
        }
    }
    for (const char *verb : {"list", "add", "remove", "run", "start", "stop"})
        QTest::newRow(qPrintable(QStringLiteral("aoesan-ctl exports %1 --help").arg(QString::fromLatin1(verb))))
            << false
            << QStringList {QStringLiteral("exports"), QString::fromLatin1(verb), QStringLiteral("--store"), store,
                   QStringLiteral("--help")}
            << QStringLiteral("sage: aoesan-ctl exports ");
}

void TestCliHelp::help()
{
    QFETCH(bool, engine);
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    const Program program = engine ? engineProgram() : ctlProgram();
    QCOMPARE(m_capture.takeAoeFrames(), 0);
    QString sockets;
    const Run run = runQuiet(program, args, &sockets);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(out.contains(usage), qPrintable(run.describe()));
    QVERIFY2(!out.contains(program.path), qPrintable(out));
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(m_capture.takeAoeFrames(), 0);
    QVERIFY2(!sockets.contains(QLatin1String("socket(")), qPrintable(sockets));
    QStringList written;
    QDirIterator files(
        m_home.path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext())
        written << files.next();
    QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char('\n'))));
}

void TestCliHelp::unknownLogLevelIsAUsageError_data()
{
    QTest::addColumn<bool>("engine");
    QTest::addColumn<QString>("level");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("aoesan-ctl loud") << false << QStringLiteral("loud") << 2;
    QTest::newRow("aoesan-ctl empty") << false << QString() << 2;
    QTest::newRow("aoesan-engine loud") << true << QStringLiteral("loud") << 2;
    // A known level goes on to the command, here one that needs no interface.
    QTest::newRow("aoesan-ctl debug") << false << QStringLiteral("debug") << 0;
}

void TestCliHelp::unknownLogLevelIsAUsageError()
{
    QFETCH(bool, engine);
    QFETCH(QString, level);
    QFETCH(int, exitCode);
    if (!m_lab)
        QSKIP("no lab");
    QString sockets;
    const QStringList tail
        = engine ? QStringList {QStringLiteral("nothing")} : QStringList {QStringLiteral("interfaces")};
    const Run run = runQuiet(
        engine ? engineProgram() : ctlProgram(), QStringList {QStringLiteral("--log-level"), level} + tail, &sockets);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    if (exitCode == 2) {
        QVERIFY2(run.err.contains("--log-level"), qPrintable(run.describe()));
        QVERIFY2(run.err.contains("trace, debug, info, warn, error or off"), qPrintable(run.describe()));
    }
}

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
