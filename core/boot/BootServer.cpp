// SPDX-License-Identifier: GPL-3.0-or-later
#include "boot/BootServer.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include "log/Logging.h"
#include "platform/StopSignals.h"

namespace aoesan::boot {

namespace {

constexpr int kMaxRestarts = 5;
constexpr int kRestartDelayMs = 1000;
constexpr int kStopWaitMs = 5000;
constexpr qsizetype kRecentLines = 12;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    // dnsmasq reads TFTP files as the user it drops to (nobody).
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

} // namespace

BootServer::BootServer(BootServerOptions options, QString dnsmasq, QString ipxeDir, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_dnsmasq(std::move(dnsmasq))
    , m_ipxeDir(std::move(ipxeDir))
    , m_log(m_options.range.has_value())
{ }

BootServer::~BootServer()
{
    stop();
}

QString BootServer::configPath() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("dnsmasq.conf")) : QString();
}

QString BootServer::describe() const
{
    if (m_options.range)
        return QStringLiteral("DHCP %1-%2 on %3")
            .arg(ipv4Text(m_options.range->first), ipv4Text(m_options.range->second), m_options.interface);
    return QStringLiteral("proxy DHCP beside the segment's DHCP server on %1").arg(m_options.interface);
}

Result<bool, QString> BootServer::start()
{
    const QString program = findDnsmasq(m_dnsmasq);
    if (program.isEmpty())
        return Unexpected(QStringLiteral("dnsmasq is not installed: sudo apt-get install dnsmasq-base"));
    m_dnsmasq = program;
    const auto network = interfaceIpv4(m_options.interface);
    if (!network)
        return Unexpected(noIpv4Problem(m_options.interface));
    m_network = *network;
    if (const auto problem = rangeProblem(m_options, m_network))
        return Unexpected(*problem);
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/aoesan-boot-XXXXXX"));
    if (!m_dir->isValid())
        return Unexpected(QStringLiteral("cannot make a private directory: %1").arg(m_dir->errorString()));
    const QString tftp = m_dir->filePath(QStringLiteral("tftp"));
    QDir().mkpath(tftp);
    // Others may pass through to the TFTP files, not list or read the rest (the leases, the configuration).
    QFile::setPermissions(
        m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    QFile::setPermissions(tftp,
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::ExeOther);
    for (const char *name : {kIpxeBios, kIpxeUefi}) {
        QFile from(m_ipxeDir + QLatin1Char('/') + QLatin1String(name));
        if (!from.open(QIODevice::ReadOnly))
            return Unexpected(QStringLiteral("%1 is missing (%2): sudo apt-get install ipxe")
                                  .arg(from.fileName(), from.errorString()));
        if (!writeFile(tftp + QLatin1Char('/') + QLatin1String(name), from.readAll()))
            return Unexpected(QStringLiteral("cannot write %1 in %2").arg(QLatin1String(name), tftp));
    }
    if (!writeFile(tftp + QLatin1Char('/') + QLatin1String(kIpxeScript), ipxeScript(m_options.rootPath).toUtf8())
        || !writeFile(configPath(), dnsmasqConfig(m_options, m_network, m_dir->path(), tftp).toUtf8()))
        return Unexpected(QStringLiteral("cannot write the configuration in %1").arg(m_dir->path()));
    m_stopping = false;
    m_restarts = 0;
    launch();
    return true;
}

void BootServer::launch()
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // boot serve blocks SIGTERM for its StopSignals: dnsmasq must not inherit that, nor outlive boot serve.
    m_process->setChildProcessModifier(platform::resetSignalsInChild);
    connect(m_process.get(), &QProcess::readyRead, this, &BootServer::onOutput);
    connect(m_process.get(), &QProcess::finished, this, &BootServer::onFinished);
    // --conf-file alone: no /etc/dnsmasq.conf, no /etc/dnsmasq.d; no pid file; stays in the foreground.
    m_process->start(m_dnsmasq,
        {QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=") + configPath(),
            QStringLiteral("--pid-file")});
}

void BootServer::onOutput()
{
    m_partial += m_process->readAll();
    qsizetype newline = 0;
    while ((newline = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(newline)).trimmed();
        m_partial.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        m_recent << line;
        if (m_recent.size() > kRecentLines)
            m_recent.removeFirst();
        log::logger("boot")->debug("dnsmasq: {}", line.toStdString());
        if (!m_announced && line.contains(QLatin1String("started, version"))) {
            m_announced = true;
            emit started();
        }
        if (const auto event = m_log.feed(line))
            emit client(*event);
    }
    if (m_partial.size() > 65536)
        m_partial.clear(); // a line that long is not dnsmasq's
}

void BootServer::onFinished(int code, QProcess::ExitStatus status)
{
    onOutput();
    if (m_stopping)
        return;
    QString said;
    for (const QString &l : m_recent) {
        if (l.contains(QLatin1String("dnsmasq:")) && !l.contains(QLatin1String("started, version"))
            && !l.contains(QLatin1String("compile time options")))
            said = l.section(QLatin1String("dnsmasq: "), 1);
    }
    const QString why = status == QProcess::CrashExit ? QStringLiteral("dnsmasq crashed")
                                                      : QStringLiteral("dnsmasq ended with exit code %1").arg(code);
    // Started and then ended (a crash, an interface gone): again, a few times. Never started: its words, at once.
    if (m_announced && m_restarts < kMaxRestarts) {
        ++m_restarts;
        log::logger("boot")->warn("{}; starting it again ({} of {})", why.toStdString(), m_restarts, kMaxRestarts);
        m_announced = false;
        QTimer::singleShot(kRestartDelayMs, this, [this] {
            if (!m_stopping)
                launch();
        });
        return;
    }
    emit failed(said.isEmpty() ? why : QStringLiteral("%1: %2").arg(why, said));
}

void BootServer::stop()
{
    if (m_stopping && !m_process)
        return;
    m_stopping = true;
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(kStopWaitMs)) {
                m_process->kill();
                m_process->waitForFinished(1000);
            }
        }
        // stop() may run inside the process's own finished(): it goes once that returns.
        m_process.release()->deleteLater();
    }
    m_dir.reset();
    emit stopped();
}

} // namespace aoesan::boot
