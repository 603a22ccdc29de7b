// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/KernelDisks.h"

#include "kernel/KernelDevice.h"
#include "log/Logging.h"
#include "service/DbusApi.h"

namespace aoesan::service {

namespace {

// A reattach that failed is not tried again sooner than this: discovery reports an up target every probe.
constexpr std::chrono::seconds kReattachBackoff {30};

} // namespace

KernelDisks::KernelDisks(kernel::AoeDriver driver, std::chrono::milliseconds pollInterval, QObject *parent)
    : QObject(parent)
    , m_driver(std::move(driver))
{
    m_poll.setInterval(pollInterval);
    connect(&m_poll, &QTimer::timeout, this, &KernelDisks::refresh);
}

KernelDisks::~KernelDisks()
{
    // The jobs go first: their signals would reach a half-destroyed object otherwise.
    for (auto &[key, pending] : m_pending)
        pending.job->disconnect(this);
}

void KernelDisks::start()
{
    m_poll.start();
    refresh();
}

const kernel::KernelDevice *KernelDisks::device(std::uint16_t shelf, std::uint8_t slot) const
{
    for (const auto &d : m_devices) {
        if (d.shelf == shelf && d.slot == slot)
            return &d;
    }
    return nullptr;
}

void KernelDisks::refresh()
{
    const bool loaded = m_driver.loaded();
    std::vector<kernel::KernelDevice> next = loaded ? m_driver.devices() : std::vector<kernel::KernelDevice> {};
    const QStringList interfaces = loaded ? m_driver.interfaces().value_or(QStringList {}) : QStringList {};
    std::set<quint32> touched;
    std::map<quint32, const kernel::KernelDevice *> before;
    for (const auto &d : m_devices)
        before[keyOf(d.shelf, d.slot)] = &d;
    for (const auto &d : next) {
        const auto it = before.find(keyOf(d.shelf, d.slot));
        if (it == before.end() || !(*it->second == d))
            touched.insert(keyOf(d.shelf, d.slot));
        if (it != before.end())
            before.erase(it);
    }
    for (const auto &[key, gone] : before)
        touched.insert(key);
    const bool changed = !touched.empty() || loaded != m_loaded || interfaces != m_driverInterfaces;
    m_devices = std::move(next);
    m_loaded = loaded;
    m_driverInterfaces = interfaces;
    if (changed) {
        for (const quint32 key : touched)
            emit deviceChanged(static_cast<std::uint16_t>(key >> 8), static_cast<std::uint8_t>(key & 0xff));
        emit devicesChanged();
    }
    lookAfter(std::chrono::steady_clock::now());
}

void KernelDisks::lookAfter(std::chrono::steady_clock::time_point now)
{
    bool flushed = false;
    std::set<quint32> present;
    for (const auto &d : m_devices) {
        const quint32 key = keyOf(d.shelf, d.slot);
        present.insert(key);
        if (m_pending.contains(key))
            continue;
        // A person detached it and the driver found it again at its own discovery: release it again, as long
        // as nothing has opened it meanwhile (then it is theirs).
        if (m_detached.contains(key) && d.users.empty()) {
            if (m_driver.flush(d.name()))
                flushed = true;
            continue;
        }
        if (d.up() || !d.users.empty()) {
            // Up, or held (down,closewait, a mount): nothing to do but to forget when it went down.
            m_downSince.erase(key);
            continue;
        }
        const auto since = m_downSince.try_emplace(key, now).first->second;
        if (m_settings.flushDownAfter.count() == 0 || now - since < m_settings.flushDownAfter)
            continue;
        if (const auto done = m_driver.flush(d.name()); !done) {
            log::logger("service")->warn(
                "cannot release the down disk {}: {}", d.name().toStdString(), done.error().toStdString());
            m_downSince[key] = now; // tried: again after another delay, not on every poll
            continue;
        }
        m_downSince.erase(key);
        m_flushedDown.insert(key);
        flushed = true;
        const QString text
            = QStringLiteral("%1 was down for %2 s and nobody used it: released it, so it cannot hang "
                             "fdisk or a shutdown%3")
                  .arg(d.name())
                  .arg(m_settings.flushDownAfter.count())
                  .arg(m_settings.reattach ? QStringLiteral("; it is attached again when it is back") : QString());
        log::logger("service")->info("{}", text.toStdString());
        emit notice(text);
    }
    for (auto it = m_downSince.begin(); it != m_downSince.end();)
        it = present.contains(it->first) ? std::next(it) : m_downSince.erase(it);
    if (flushed)
        QTimer::singleShot(0, this, &KernelDisks::refresh);
}

void KernelDisks::attach(const kernel::AttachRequest &request, Done done)
{
    const quint32 key = keyOf(request.shelf, request.slot);
    // A person's attach undoes their detach, and a reattach nobody asked for no longer matters.
    m_detached.erase(key);
    m_flushedDown.erase(key);
    if (const auto it = m_pending.find(key); it != m_pending.end()) {
        if (done) {
            it->second.waiting.push_back(std::move(done));
            it->second.automatic = false; // someone waits for it now, and hears how it went
        }
        return;
    }
    Pending pending;
    pending.job = std::make_unique<kernel::AttachJob>(m_driver, request);
    pending.automatic = !done;
    if (done)
        pending.waiting.push_back(std::move(done));
    kernel::AttachJob *job = pending.job.get();
    connect(job, &kernel::AttachJob::progress, this,
        [name = kernel::deviceName(request.shelf, request.slot)](const QString &line) {
            log::logger("service")->info("attach {}: {}", name.toStdString(), line.toStdString());
        });
    connect(job, &kernel::AttachJob::finished, this,
        [this, key](const Result<QString, QString> &result) { finished(key, result); });
    m_pending.emplace(key, std::move(pending));
    job->start();
}

void KernelDisks::finished(quint32 key, const Result<QString, QString> &result)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    // The job is inside its own signal: it is deleted once that returns.
    pending.job.release()->deleteLater();
    refresh();
    const QString name
        = kernel::deviceName(static_cast<std::uint16_t>(key >> 8), static_cast<std::uint8_t>(key & 0xff));
    Result<QString, ServiceError> answer = QString();
    if (result) {
        answer = *result;
        log::logger("service")->info("{} is a disk of this machine: {}", name.toStdString(), result->toStdString());
        if (pending.automatic) {
            const QString text = QStringLiteral("%1 is back and attached again as %2").arg(name, *result);
            log::logger("service")->info("{}", text.toStdString());
            emit notice(text);
        }
    } else {
        // The loader's failure leaves no driver: that is its own error, so a client can say "install kmod".
        const char *code = m_driver.loaded() ? error::kFailed : error::kNoKernelDriver;
        answer = Unexpected(ServiceError {QLatin1String(code), result.error()});
        log::logger("service")->warn("attaching {} failed: {}", name.toStdString(), result.error().toStdString());
        if (pending.automatic)
            m_flushedDown.insert(key); // try again at a later sighting, after the back-off
    }
    for (auto &done : pending.waiting)
        done(answer);
}

Result<bool, ServiceError> KernelDisks::detach(std::uint16_t shelf, std::uint8_t slot)
{
    refresh();
    const QString name = kernel::deviceName(shelf, slot);
    const kernel::KernelDevice *d = device(shelf, slot);
    if (!d)
        return Unexpected(ServiceError {QLatin1String(error::kNotFound),
            m_loaded ? QStringLiteral("%1 is not a disk of this machine (the aoe driver has no %1)").arg(name)
                     : QStringLiteral("%1 is not attached: the aoe driver is not loaded").arg(name)});
    if (!d->users.empty())
        return Unexpected(ServiceError {QLatin1String(error::kInUse),
            QStringLiteral("%1 is in use (%2); unmount it and close the programs first")
                .arg(name, d->users.describe())});
    if (const auto done = m_driver.flush(name); !done)
        return Unexpected(ServiceError {QLatin1String(error::kFailed), done.error()});
    const quint32 key = keyOf(shelf, slot);
    m_detached.insert(key);
    m_flushedDown.erase(key);
    m_downSince.erase(key);
    refresh();
    return true;
}

void KernelDisks::targetUp(std::uint16_t shelf, std::uint8_t slot, const QStringList &interfaces, std::uint64_t sectors)
{
    const quint32 key = keyOf(shelf, slot);
    if (!m_settings.reattach || !m_flushedDown.contains(key) || m_pending.contains(key) || device(shelf, slot)
        || interfaces.isEmpty())
        return;
    const auto now = std::chrono::steady_clock::now();
    if (const auto last = m_lastReattach.find(key);
        last != m_lastReattach.end() && now - last->second < kReattachBackoff)
        return;
    m_lastReattach[key] = now;
    m_flushedDown.erase(key);
    kernel::AttachRequest request;
    request.shelf = shelf;
    request.slot = slot;
    request.interfaces = interfaces;
    if (sectors > 0)
        request.expectedSectors = sectors;
    log::logger("service")->info("{} is back: attaching it again", kernel::deviceName(shelf, slot).toStdString());
    attach(request, {});
}

} // namespace aoesan::service
