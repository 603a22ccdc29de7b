// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/LabEnvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <unistd.h>

#include <sys/prctl.h>

#include "log/Logging.h"

namespace aoesan::ui::lab {

namespace {

constexpr std::uint64_t kMiB = 1ULL << 20;
constexpr std::uint64_t kGiB = 1ULL << 30;
constexpr int kFlapMs = 45000; // the coming-and-going target changes state this often
constexpr int kGoesDownMs = 4000; // the target that goes down stops answering after this

QString findIp()
{
    QString ip = QStandardPaths::findExecutable(QStringLiteral("ip"));
    if (ip.isEmpty())
        ip = QStandardPaths::findExecutable(
            QStringLiteral("ip"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return ip;
}

// Lab directories whose program is gone (it crashed or was killed with SIGKILL): their images are
// sparse, but nobody else will ever remove them.
void removeStaleLabDirectories()
{
    const QDir temp(QDir::tempPath());
    const auto entries = temp.entryInfoList({QStringLiteral("aoesan-lab-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        QFile owner(entry.filePath() + QStringLiteral("/owner.pid"));
        if (entry.ownerId() != ::geteuid() || !owner.open(QIODevice::ReadOnly))
            continue;
        bool ok = false;
        const auto pid = static_cast<pid_t>(owner.readAll().trimmed().toLongLong(&ok));
        if (ok && pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH)
            QDir(entry.filePath()).removeRecursively();
    }
}

} // namespace

LabEnvironment::LabEnvironment(QString engine, QObject *parent)
    : QObject(parent)
    , m_engine(std::move(engine))
    , m_dir(QDir::tempPath() + QStringLiteral("/aoesan-lab-XXXXXX"))
{
    m_flapTimer.setInterval(kFlapMs);
    connect(&m_flapTimer, &QTimer::timeout, this, &LabEnvironment::flap);
}

LabEnvironment::~LabEnvironment()
{
    m_flapTimer.stop();
    for (QProcess *p : m_processes) {
        if (p->state() != QProcess::NotRunning) {
            p->terminate();
            if (!p->waitForFinished(2000))
                p->kill();
        }
    }
    // The namespace, its links and the engines' sockets go with the last process in it.
}

bool LabEnvironment::run(const QStringList &arguments, QString *error)
{
    static const QString ip = findIp();
    if (ip.isEmpty()) {
        *error = tr("Lab mode needs the ip program (Debian package iproute2).");
        return false;
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(ip, arguments);
    // A few milliseconds each, before the window is shown.
    if (!p.waitForFinished(5000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = tr("ip %1 failed: %2")
                     .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAll()).trimmed());
        return false;
    }
    return true;
}

bool LabEnvironment::makeImage(const QString &path, std::uint64_t bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.resize(static_cast<qint64>(bytes))) {
        *error = tr("The lab image %1 could not be created: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QProcess *LabEnvironment::serve(const DemoTarget &t, QString *error)
{
    const QString image = m_dir.filePath(QStringLiteral("remote-%1-e%2.%3.img").arg(t.tag).arg(t.shelf).arg(t.slot));
    if (!QFile::exists(image) && !makeImage(image, t.bytes, error))
        return nullptr;
    auto *p = new QProcess(this);
    p->setStandardOutputFile(QProcess::nullDevice());
    p->setStandardErrorFile(
        m_dir.filePath(QStringLiteral("remote-e%1.%2-%3.log").arg(t.shelf).arg(t.slot).arg(t.tag)), QIODevice::Append);
    p->setChildProcessModifier([] {
        sigset_t none; // the GUI blocks the stop signals; the engine must get them
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    p->start(m_engine,
        {QStringLiteral("serve"), QStringLiteral("--no-state"), QString::number(t.shelf), QString::number(t.slot),
            t.interface, image});
    if (!p->waitForStarted(5000)) {
        *error = tr("aoesan-engine could not be started for the lab: %1").arg(p->errorString());
        delete p;
        return nullptr;
    }
    m_processes.push_back(p);
    return p;
}

bool LabEnvironment::build(QString *error)
{
    removeStaleLabDirectories();
    if (!m_dir.isValid()) {
        *error = tr("Lab mode could not create its temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    QFile owner(m_dir.filePath(QStringLiteral("owner.pid")));
    if (owner.open(QIODevice::WriteOnly))
        owner.write(QByteArray::number(QCoreApplication::applicationPid()));
    const QList<QStringList> commands = {
        {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")},
        {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("lab-a"), QStringLiteral("type"),
            QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), QStringLiteral("san-a")},
        {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("lab-b"), QStringLiteral("mtu"),
            QStringLiteral("9000"), QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
            QStringLiteral("name"), QStringLiteral("san-b"), QStringLiteral("mtu"), QStringLiteral("9000")},
    };
    for (const auto &c : commands) {
        if (!run(c, error))
            return false;
    }
    for (const char *name : {"lab-a", "san-a", "lab-b", "san-b"}) {
        if (!run({QStringLiteral("link"), QStringLiteral("set"), QString::fromLatin1(name), QStringLiteral("up")},
                error))
            return false;
    }

    const QString a = QStringLiteral("san-a");
    const QString b = QStringLiteral("san-b");
    // Shelf 1: a mixed rack on segment A. Shelf 3: a jumbo-frame shelf on segment B, with a gap.
    const std::vector<DemoTarget> remote = {
        {1, 0, a, 2 * kGiB, QStringLiteral("r")},
        {1, 1, a, 500 * kMiB, QStringLiteral("r")},
        {1, 2, a, 10 * kGiB, QStringLiteral("r")},
        {1, 5, a, 1024 * kGiB, QStringLiteral("r")},
        {1, 6, a, 1 * kGiB, QStringLiteral("r")},
        {1, 6, b, 2 * kGiB, QStringLiteral("other")},
        {3, 0, b, 64 * kMiB, QStringLiteral("r")},
        {3, 1, b, 64 * kMiB, QStringLiteral("r")},
        {3, 2, b, 128 * kMiB, QStringLiteral("r")},
        {3, 3, b, 256 * kMiB, QStringLiteral("r")},
        {3, 12, b, 4 * kGiB, QStringLiteral("r")},
    };
    for (const auto &t : remote) {
        if (!serve(t, error))
            return false;
    }
    // e1.3 answers at first, then its "machine" goes away: it turns red and stays listed.
    const DemoTarget goesDown {1, 3, a, 3 * kGiB, QStringLiteral("r")};
    QProcess *down = serve(goesDown, error);
    if (!down)
        return false;
    QTimer::singleShot(kGoesDownMs, down, [down] { down->terminate(); });
    // e1.2 comes and goes.
    m_flapper = remote[2];
    m_flapping = m_processes[2];
    m_flapTimer.start();

    // This machine's exports: images in the lab directory, served through the supervisor.
    struct Ours
    {
        const char *name;
        std::uint8_t slot;
        const QString &interface;
        std::uint64_t bytes;
    };
    const Ours ours[] = {{"lab-boot", 0, a, 64 * kMiB}, {"lab-data", 1, b, 8 * kGiB}, {"lab-scratch", 2, a, 4 * kGiB}};
    for (const auto &o : ours) {
        supervisor::ExportRecord r;
        r.name = QString::fromLatin1(o.name);
        r.path = m_dir.filePath(r.name + QStringLiteral(".img"));
        r.shelf = 2;
        r.slot = o.slot;
        r.interface = o.interface;
        r.configString = QStringLiteral("lab/%1").arg(r.name);
        if (!makeImage(r.path, o.bytes, error))
            return false;
        m_exports.push_back(r);
    }
    log::logger("ui")->info(
        "lab: {} remote targets on san-a and san-b, images in {}", m_processes.size(), m_dir.path().toStdString());
    return true;
}

void LabEnvironment::flap()
{
    if (m_flapping && m_flapping->state() != QProcess::NotRunning) {
        m_flapping->terminate();
        return;
    }
    QString error;
    m_flapping = serve(m_flapper, &error);
    if (!m_flapping)
        log::logger("ui")->warn("lab: {}", error.toStdString());
}

} // namespace aoesan::ui::lab
