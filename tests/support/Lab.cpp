// SPDX-License-Identifier: GPL-3.0-or-later
#include "Lab.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <sys/prctl.h>

#include "net/PacketCapability.h"

namespace aoesan::test {

namespace {

// "aoesan-<pid>-<instance>-t|i": the pid tells a live lab from a leftover of a killed run.
const QRegularExpression &namespacePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^aoesan-(\\d+)-(\\d+)-[ti]$"));
    return pattern;
}

const QRegularExpression &workDirPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^aoesan-lab-(\\d+)-"));
    return pattern;
}

bool processAlive(qint64 pid)
{
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

int nextInstance()
{
    static std::atomic<int> counter {0};
    return counter++;
}

constexpr int kCapSysAdmin = 21;

bool hasEffectiveCapability(int capability)
{
    QFile status(QStringLiteral("/proc/thread-self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    const auto mask = net::parseEffectiveCapabilities(status.readAll().toStdString());
    return mask && (*mask & (std::uint64_t {1} << capability)) != 0;
}

// Only ever called with lab-owned interface names: `ip` stays inside the namespaces given to it.
QString pairName(const char *prefix, int pair)
{
    return pair == 0 ? QString::fromLatin1(prefix) : QString::fromLatin1(prefix) + QString::number(pair);
}

protocol::MacAddress labMac(std::uint8_t group, std::uint8_t host)
{
    // Locally administered (0x02) and unicast; one lab's segments never meet another's, so these repeat.
    return protocol::MacAddress({0x02, 0xae, 0x5a, 0x00, group, host});
}

CommandResult runProcess(QProcess &process, int timeoutMs)
{
    CommandResult result;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    if (!process.waitForStarted()) {
        result.output = process.errorString();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.output = QString::fromLocal8Bit(process.readAll()) + QStringLiteral("\n(timed out)");
        return result;
    }
    result.output = QString::fromLocal8Bit(process.readAll());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

} // namespace

QString Lab::findTool(const QString &tool)
{
    QString path = QStandardPaths::findExecutable(tool);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            tool, {QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

QString Lab::missingTool(const QString &tool)
{
    if (!findTool(tool).isEmpty())
        return {};
    static const QList<std::pair<QString, QString>> packages = {
        {QStringLiteral("ip"), QStringLiteral("iproute2")},
        {QStringLiteral("vblade"), QStringLiteral("vblade")},
        {QStringLiteral("tcpdump"), QStringLiteral("tcpdump")},
        {QStringLiteral("tshark"), QStringLiteral("tshark")},
        {QStringLiteral("aoeping"), QStringLiteral("aoetools")},
        {QStringLiteral("aoecfg"), QStringLiteral("aoetools")},
        {QStringLiteral("aoe-sancheck"), QStringLiteral("aoetools")},
        {QStringLiteral("setpriv"), QStringLiteral("util-linux")},
        {QStringLiteral("sysctl"), QStringLiteral("procps")},
        {QStringLiteral("qemu-system-x86_64"), QStringLiteral("qemu-system-x86")},
        {QStringLiteral("busybox"), QStringLiteral("busybox-static")},
        {QStringLiteral("cpio"), QStringLiteral("cpio")},
    };
    QString package = tool;
    for (const auto &[name, debianPackage] : packages)
        if (name == tool)
            package = debianPackage;
    return QStringLiteral("needs %1 (apt-get install %2)").arg(tool, package);
}

QString Lab::unavailableReason()
{
    if (::geteuid() != 0)
        return QStringLiteral("needs root to create network namespaces (run the net tests as root)");
    if (!hasEffectiveCapability(kCapSysAdmin))
        return QStringLiteral("needs CAP_SYS_ADMIN to create network namespaces");
    for (const auto &tool : {QStringLiteral("ip"), QStringLiteral("sysctl")})
        if (QString missing = missingTool(tool); !missing.isEmpty())
            return missing;
    return {};
}

int Lab::removeStale()
{
    const QString ipPath = findTool(QStringLiteral("ip"));
    if (ipPath.isEmpty())
        return 0;
    QProcess list;
    list.setProgram(ipPath);
    list.setArguments({QStringLiteral("netns"), QStringLiteral("list")});
    const CommandResult listed = runProcess(list, 10000);
    int removed = 0;
    for (const QString &line : listed.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString name = line.section(QLatin1Char(' '), 0, 0);
        const auto match = namespacePattern().match(name);
        if (!match.hasMatch() || processAlive(match.captured(1).toLongLong()))
            continue;
        // What still runs there was started by that dead fixture (PR_SET_PDEATHSIG misses a SIGKILLed
        // runner's grandchildren); it would keep the namespace alive after the name is gone.
        QProcess pids;
        pids.setProgram(ipPath);
        pids.setArguments({QStringLiteral("netns"), QStringLiteral("pids"), name});
        for (const QString &pid : runProcess(pids, 10000).output.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (const int value = pid.trimmed().toInt(); value > 1)
                ::kill(value, SIGKILL);
        QProcess del;
        del.setProgram(ipPath);
        del.setArguments({QStringLiteral("netns"), QStringLiteral("del"), name});
        if (runProcess(del, 10000).ok())
            ++removed;
    }
    const QDir temp(QDir::tempPath());
    for (const QString &entry : temp.entryList({QStringLiteral("aoesan-lab-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto match = workDirPattern().match(entry);
        if (match.hasMatch() && !processAlive(match.captured(1).toLongLong()))
            QDir(temp.filePath(entry)).removeRecursively();
    }
    return removed;
}

Lab::Lab(LabOptions options)
    : m_options(options)
    , m_ipPath(findTool(QStringLiteral("ip")))
    , m_workDir(QDir::tempPath() + QStringLiteral("/aoesan-lab-%1-XXXXXX").arg(QCoreApplication::applicationPid()))
{
    m_hostNet = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    m_hostMnt = ::open("/proc/thread-self/ns/mnt", O_RDONLY | O_CLOEXEC);
    if (const QString reason = unavailableReason(); !reason.isEmpty())
        m_error = reason;
    else if (m_hostNet < 0 || m_hostMnt < 0)
        m_error = QStringLiteral("cannot open this thread's namespaces in /proc");
    else if (!m_workDir.isValid())
        m_error = QStringLiteral("cannot make a work directory: ") + m_workDir.errorString();
    else if (m_options.mtu < 68 || m_options.mtu > 65535 || m_options.extraPairs < 0 || m_options.extraPairs > 8)
        m_error = QStringLiteral("bad lab options");
    if (!m_error.isEmpty())
        return;
    removeStale();
    const int instance = nextInstance();
    const qint64 pid = QCoreApplication::applicationPid();
    m_targetNs = QStringLiteral("aoesan-%1-%2-t").arg(pid).arg(instance);
    m_initiatorNs = QStringLiteral("aoesan-%1-%2-i").arg(pid).arg(instance);
    build();
}

bool Lab::build()
{
    const QString mtu = QString::number(m_options.mtu);
    for (const QString &ns : {m_targetNs, m_initiatorNs}) {
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), ns}))
            return false;
        m_created.push_back(ns);
        if (!ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                QStringLiteral("up")}))
            return false;
        // IPv6 off before any link exists, so router solicitations and DAD never join the AoE traffic.
        const CommandResult sysctl = run(ns,
            {findTool(QStringLiteral("sysctl")), QStringLiteral("-qw"),
                QStringLiteral("net.ipv6.conf.all.disable_ipv6=1"),
                QStringLiteral("net.ipv6.conf.default.disable_ipv6=1")});
        if (!sysctl.ok()) {
            m_error = QStringLiteral("cannot turn IPv6 off in %1: %2").arg(ns, sysctl.output);
            return false;
        }
    }
    for (int pair = 0; pair < pairCount(); ++pair) {
        // Made directly inside the namespaces (netns on both ends): no name ever exists on the host.
        if (!ip({QStringLiteral("link"), QStringLiteral("add"), targetInterface(pair), QStringLiteral("netns"),
                m_targetNs, QStringLiteral("address"), QString::fromStdString(targetMac(pair).toString()),
                QStringLiteral("mtu"), mtu, QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                QStringLiteral("name"), initiatorInterface(pair), QStringLiteral("netns"), m_initiatorNs,
                QStringLiteral("address"), QString::fromStdString(initiatorMac(pair).toString()), QStringLiteral("mtu"),
                mtu}))
            return false;
        if (!setLinkUp(m_targetNs, targetInterface(pair), true)
            || !setLinkUp(m_initiatorNs, initiatorInterface(pair), true)) {
            m_error = QStringLiteral("cannot bring up veth pair %1").arg(pair);
            return false;
        }
    }
    if (!m_options.bridge)
        return true;
    const QString br = bridgeInterface();
    const QString tap = tapInterface();
    const QString ns = m_initiatorNs;
    const QString link = QStringLiteral("link");
    const QString set = QStringLiteral("set");
    const QString n = QStringLiteral("-n");
    // No STP and no forwarding delay: the guest's first frames must pass at once.
    return ip({n, ns, link, QStringLiteral("add"), br, QStringLiteral("address"),
               QString::fromStdString(bridgeMac().toString()), QStringLiteral("mtu"), mtu, QStringLiteral("type"),
               QStringLiteral("bridge"), QStringLiteral("stp_state"), QStringLiteral("0"),
               QStringLiteral("forward_delay"), QStringLiteral("0")})
        && ip({n, ns, QStringLiteral("tuntap"), QStringLiteral("add"), QStringLiteral("dev"), tap,
            QStringLiteral("mode"), QStringLiteral("tap")})
        && ip({n, ns, link, set, tap, QStringLiteral("mtu"), mtu})
        && ip({n, ns, link, set, initiatorInterface(0), QStringLiteral("master"), br})
        && ip({n, ns, link, set, tap, QStringLiteral("master"), br}) && setLinkUp(ns, tap, true)
        && setLinkUp(ns, br, true);
}

Lab::~Lab()
{
    for (auto &started : m_started)
        stop(started.process.get());
    // Deleting a namespace takes its veth ends (and so their peers), the bridge and the tap with it.
    for (auto it = m_created.rbegin(); it != m_created.rend(); ++it) {
        const CommandResult deleted = execute({QStringLiteral("netns"), QStringLiteral("del"), *it}, 10000);
        if (!deleted.ok())
            qWarning("lab: cannot delete namespace %s: %s", qPrintable(*it), qPrintable(deleted.output));
    }
    for (const int fd : {m_hostNet, m_hostMnt})
        if (fd >= 0)
            ::close(fd);
}

QString Lab::targetInterface(int pair)
{
    return pairName("veth-t", pair);
}

QString Lab::initiatorInterface(int pair)
{
    return pairName("veth-i", pair);
}

protocol::MacAddress Lab::targetMac(int pair)
{
    return labMac(static_cast<std::uint8_t>(pair), 0x01);
}

protocol::MacAddress Lab::initiatorMac(int pair)
{
    return labMac(static_cast<std::uint8_t>(pair), 0x02);
}

QString Lab::bridgeInterface() const
{
    return m_options.bridge ? QStringLiteral("br-i") : QString();
}

QString Lab::tapInterface() const
{
    return m_options.bridge ? QStringLiteral("tap-i") : QString();
}

protocol::MacAddress Lab::bridgeMac()
{
    return labMac(0xb0, 0x02);
}

QString Lab::workPath(const QString &name) const
{
    return m_workDir.filePath(name);
}

QString Lab::createSparseImage(const QString &name, qint64 bytes) const
{
    QFile image(workPath(name));
    // resize() extends with a hole: no blocks are written, so a large image costs nothing.
    if (!image.open(QIODevice::WriteOnly | QIODevice::Truncate) || !image.resize(bytes))
        return {};
    return image.fileName();
}

bool Lab::ownsNamespace(const QString &netns) const
{
    return !netns.isEmpty() && (netns == m_targetNs || netns == m_initiatorNs);
}

void Lab::prepare(QProcess &process) const
{
    process.setProgram(m_ipPath);
    process.setStandardInputFile(QProcess::nullDevice());
    const int hostNet = m_hostNet;
    const int hostMnt = m_hostMnt;
    process.setChildProcessModifier([hostNet, hostMnt]() {
        // Dies with the test process, even when it is killed and no destructor runs.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // The child is single-threaded, so it may switch mount namespace even if the test thread
        // is inside a NamespaceGuard; `ip netns del` must act on the host's /run/netns.
        if (::setns(hostNet, CLONE_NEWNET) != 0 || ::setns(hostMnt, CLONE_NEWNS) != 0)
            ::_exit(126);
    });
}

CommandResult Lab::execute(const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    prepare(process);
    process.setArguments(arguments);
    return runProcess(process, timeoutMs);
}

bool Lab::ip(const QStringList &arguments)
{
    const CommandResult result = execute(arguments, 10000);
    if (!result.ok())
        m_error = QStringLiteral("ip %1: %2").arg(arguments.join(QLatin1Char(' ')), result.output.trimmed());
    return result.ok();
}

CommandResult Lab::run(const QString &netns, const QStringList &command, int timeoutMs) const
{
    if (!ownsNamespace(netns) || command.isEmpty())
        return {-1, QStringLiteral("refused: %1 is not a namespace of this lab").arg(netns)};
    return execute(QStringList {QStringLiteral("netns"), QStringLiteral("exec"), netns} + command, timeoutMs);
}

QProcess *Lab::start(const QString &netns, const QStringList &command)
{
    if (!ownsNamespace(netns) || command.isEmpty())
        return nullptr;
    Started started {std::make_unique<QProcess>(), workPath(QStringLiteral("process-%1.log").arg(m_logCounter++))};
    QProcess &process = *started.process;
    prepare(process);
    // `ip netns exec` execs the command in place, so the pid QProcess sees is the command's own.
    process.setArguments(QStringList {QStringLiteral("netns"), QStringLiteral("exec"), netns} + command);
    // A file, not a pipe: nobody drains a pipe during a test, and a full one would block the process.
    process.setStandardOutputFile(started.logPath);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    if (!process.waitForStarted())
        return nullptr;
    m_started.push_back(std::move(started));
    return m_started.back().process.get();
}

void Lab::stop(QProcess *process, int graceMs)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    process->terminate();
    if (!process->waitForFinished(graceMs)) {
        process->kill();
        process->waitForFinished(5000);
    }
}

QString Lab::logOf(const QProcess *process) const
{
    for (const auto &started : m_started) {
        if (started.process.get() != process)
            continue;
        QFile log(started.logPath);
        return log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll()) : QString();
    }
    return {};
}

QList<qint64> Lab::runningPids() const
{
    QList<qint64> pids;
    for (const auto &started : m_started)
        if (started.process->state() != QProcess::NotRunning)
            pids.append(started.process->processId());
    return pids;
}

bool Lab::setLinkUp(const QString &netns, const QString &interface, bool up) const
{
    if (!ownsNamespace(netns))
        return false;
    return execute({QStringLiteral("-n"), netns, QStringLiteral("link"), QStringLiteral("set"), interface,
                       up ? QStringLiteral("up") : QStringLiteral("down")},
        10000)
        .ok();
}

NamespaceGuard Lab::enter(const QString &netns) const
{
    if (!ownsNamespace(netns))
        return NamespaceGuard::refused(QStringLiteral("%1 is not a namespace of this lab").arg(netns));
    return NamespaceGuard(netns);
}

} // namespace aoesan::test
