// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/CaptureJobs.h"

#include <fcntl.h>
#include <unistd.h>

#include "log/Logging.h"
#include "net/CaptureEvents.h"
#include "net/NetworkInterfaces.h"
#include "platform/StopSignals.h"
#include "service/DbusApi.h"

namespace aoesan::service {

namespace {

constexpr int kStopWaitMs = 3000;
constexpr int kPcapFd = 3; // where the engine finds the file (--pcap-fd 3)
constexpr qsizetype kMaxLine = 64 * 1024;

ServiceError invalid(const QString &why)
{
    return {QLatin1String(error::kInvalidArgs), why};
}

} // namespace

CaptureJobs::CaptureJobs(QString engine, QObject *parent)
    : QObject(parent)
    , m_engine(std::move(engine))
{ }

CaptureJobs::~CaptureJobs()
{
    for (auto &[id, c] : m_captures)
        end(c);
}

Result<CaptureRequest, ServiceError> captureRequestFor(const QVariantMap &options)
{
    CaptureRequest r;
    r.arguments = QStringList {QStringLiteral("capture")};
    QString target;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const QMetaType type = it.value().metaType();
        if (it.key() == QLatin1String(capture_key::kInterface) && type == QMetaType::fromType<QString>()) {
            r.interface = it.value().toString();
        } else if (it.key() == QLatin1String(capture_key::kTarget) && type == QMetaType::fromType<QString>()) {
            target = it.value().toString();
        } else if (it.key() == QLatin1String(capture_key::kBoot) && type == QMetaType::fromType<bool>()) {
            r.boot = it.value().toBool();
        } else if (it.key() == QLatin1String(capture_key::kSeconds) && type == QMetaType::fromType<uint>()) {
            const uint s = it.value().toUInt();
            if (s == 0 || s > capture_key::kMaxSeconds)
                return Unexpected(ServiceError {QLatin1String(error::kBadOption),
                    QStringLiteral("seconds must be 1 to %1, not %2").arg(capture_key::kMaxSeconds).arg(s)});
            r.arguments << QStringLiteral("--seconds") << QString::number(s);
        } else if (it.key() == QLatin1String(capture_key::kCount) && type == QMetaType::fromType<qulonglong>()) {
            if (it.value().toULongLong() == 0)
                return Unexpected(
                    ServiceError {QLatin1String(error::kBadOption), QStringLiteral("count must be at least 1")});
            r.arguments << QStringLiteral("--count") << QString::number(it.value().toULongLong());
        } else {
            return Unexpected(invalid(QStringLiteral("StartCapture takes the options interface (s), target (s), boot "
                                                     "(b), seconds (u) and count (t), not '%1' of that type")
                                          .arg(it.key())));
        }
    }
    if (r.interface.isEmpty() || !net::isInterfaceName(r.interface.toStdString()))
        return Unexpected(ServiceError {QLatin1String(error::kBadInterface),
            r.interface.isEmpty()
                ? QStringLiteral("name the interface to capture on (interface)")
                : QStringLiteral("'%1' is not a network interface name (see `ip link`)").arg(r.interface)});
    if (!target.isEmpty()) {
        const QString t = target.startsWith(QLatin1Char('e')) ? target.mid(1) : target;
        const QStringList parts = t.split(QLatin1Char('.'));
        bool okShelf = false;
        bool okSlot = false;
        const uint s = parts.size() == 2 ? parts[0].toUInt(&okShelf) : 0;
        const uint l = parts.size() == 2 ? parts[1].toUInt(&okSlot) : 0;
        if (!okShelf || !okSlot || s > 65534 || l > 254)
            return Unexpected(ServiceError {QLatin1String(error::kBadAddress),
                QStringLiteral("'%1' is not a target (e7.3: shelf 0-65534, slot 0-254)").arg(target)});
        r.shelf = static_cast<std::uint16_t>(s);
        r.slot = static_cast<std::uint8_t>(l);
        r.arguments << QStringLiteral("--target") << QStringLiteral("%1.%2").arg(s).arg(l);
    }
    if (r.boot)
        r.arguments << QStringLiteral("--boot");
    r.arguments << QStringLiteral("-i") << r.interface;
    return r;
}

Result<quint64, ServiceError> CaptureJobs::start(const QString &owner, int fd, const QVariantMap &options)
{
    auto request = captureRequestFor(options);
    if (!request)
        return Unexpected(request.error());
    const QString interface = request->interface;
    QStringList args = request->arguments;
    const auto running = std::count_if(m_captures.begin(), m_captures.end(),
        [](const auto &entry) { return entry.second.state == QLatin1String("running"); });
    if (running >= capture_key::kMaxRunning)
        return Unexpected(ServiceError {QLatin1String(error::kRefused),
            QStringLiteral("%1 captures run already: stop one first").arg(capture_key::kMaxRunning)});
    // A descriptor of our own above the standard ones, so that the child's dup2 onto 3 is never a no-op.
    const int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
    if (own < 0)
        return Unexpected(ServiceError {QLatin1String(error::kFailed), QStringLiteral("cannot take the file")});
    args << QStringLiteral("--pcap-fd") << QString::number(kPcapFd);

    const quint64 id = m_next++;
    Capture &c = m_captures[id];
    c.owner = owner;
    c.interface = interface;
    c.filter = net::captureFilterText(request->shelf, request->slot, request->boot);
    c.process = std::make_unique<QProcess>();
    c.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    c.process->setChildProcessModifier([own] {
        ::dup2(own, kPcapFd);
        platform::resetSignalsInChild();
    });
    connect(c.process.get(), &QProcess::readyReadStandardOutput, this, [this, id] { onOutput(id); });
    connect(c.process.get(), &QProcess::finished, this, [this, id](int code) { onFinished(id, code); });
    c.process->start(m_engine, args);
    ::close(own); // the child has its copy (or never started: then finished() or the error below says so)
    if (!c.process->waitForStarted(5000)) {
        const QString why = QStringLiteral("cannot run %1: %2").arg(m_engine, c.process->errorString());
        c.process->disconnect(this);
        m_captures.erase(id);
        return Unexpected(ServiceError {QLatin1String(error::kFailed), why});
    }
    log::logger("service")->info(
        "capture {} on {} for {}: {}", id, interface.toStdString(), owner.toStdString(), c.filter.toStdString());
    emit added(id);
    return id;
}

void CaptureJobs::onOutput(quint64 id)
{
    const auto it = m_captures.find(id);
    if (it == m_captures.end())
        return;
    Capture &c = it->second;
    c.partial += c.process->readAllStandardOutput();
    bool news = false;
    for (qsizetype eol = c.partial.indexOf('\n'); eol >= 0; eol = c.partial.indexOf('\n')) {
        const auto event = net::parseCaptureEvent(c.partial.left(eol));
        c.partial.remove(0, eol + 1);
        if (!event)
            continue;
        news = true;
        switch (event->kind) {
        case net::CaptureEvent::Kind::Started:
            c.filter = event->filter;
            break;
        case net::CaptureEvent::Kind::Counters:
            c.frames = event->frames;
            c.dropped = event->dropped;
            break;
        case net::CaptureEvent::Kind::Stopped:
            c.frames = event->frames;
            c.dropped = event->dropped;
            c.state = QStringLiteral("done");
            c.stopped = true;
            break;
        case net::CaptureEvent::Kind::Error:
            c.state = QStringLiteral("failed");
            c.error = event->fix.isEmpty() ? event->message : QStringLiteral("%1 (%2)").arg(event->message, event->fix);
            break;
        }
    }
    if (c.partial.size() > kMaxLine)
        c.partial.clear();
    if (news)
        emit changed(id);
}

void CaptureJobs::onFinished(quint64 id, int code)
{
    const auto it = m_captures.find(id);
    if (it == m_captures.end())
        return;
    onOutput(id);
    Capture &c = it->second;
    if (c.state == QLatin1String("running")) {
        c.state = QStringLiteral("failed");
        c.error = QStringLiteral("the capture ended without a word (exit status %1; see the service's log)").arg(code);
    }
    emit changed(id);
}

void CaptureJobs::end(Capture &c)
{
    if (!c.process || c.process->state() == QProcess::NotRunning)
        return;
    c.process->disconnect(this);
    c.process->closeWriteChannel(); // the engine's lifeline: it writes its last frames and stops
    if (!c.process->waitForFinished(kStopWaitMs)) {
        c.process->terminate();
        if (!c.process->waitForFinished(kStopWaitMs))
            c.process->kill();
    }
}

Result<bool, ServiceError> CaptureJobs::stop(quint64 id, const QString &caller)
{
    const auto it = m_captures.find(id);
    if (it == m_captures.end())
        return Unexpected(ServiceError {QLatin1String(error::kNotFound), QStringLiteral("no such capture")});
    if (it->second.owner != caller)
        return Unexpected(ServiceError {QLatin1String(error::kNotAuthorized),
            QStringLiteral("only the program that started capture %1 may stop it").arg(id)});
    end(it->second);
    m_captures.erase(it);
    emit removed(id);
    return true;
}

void CaptureJobs::ownerGone(const QString &owner)
{
    for (auto it = m_captures.begin(); it != m_captures.end();) {
        if (it->second.owner != owner) {
            ++it;
            continue;
        }
        const quint64 id = it->first;
        end(it->second);
        it = m_captures.erase(it);
        log::logger("service")->info("capture {} ended: {} left the bus", id, owner.toStdString());
        emit removed(id);
    }
}

std::vector<quint64> CaptureJobs::ids() const
{
    std::vector<quint64> out;
    for (const auto &[id, c] : m_captures)
        out.push_back(id);
    return out;
}

QString CaptureJobs::ownerOf(quint64 id) const
{
    const auto it = m_captures.find(id);
    return it == m_captures.end() ? QString() : it->second.owner;
}

QVariantMap CaptureJobs::properties(quint64 id) const
{
    const auto it = m_captures.find(id);
    if (it == m_captures.end())
        return {};
    const Capture &c = it->second;
    return {{QStringLiteral("Interface"), c.interface}, {QStringLiteral("Filter"), c.filter},
        {QStringLiteral("State"), c.state}, {QStringLiteral("Frames"), QVariant::fromValue<qulonglong>(c.frames)},
        {QStringLiteral("Dropped"), QVariant::fromValue<qulonglong>(c.dropped)}, {QStringLiteral("Error"), c.error},
        {QStringLiteral("Owner"), c.owner}};
}

} // namespace aoesan::service
