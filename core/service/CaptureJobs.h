// SPDX-License-Identifier: GPL-3.0-or-later
// The captures the service runs for its callers (Manager.StartCapture, io.github.aoesan1.Capture objects): each
// an `aoesan-engine capture` writing pcap onto the file the caller opened and passed over the bus, its events
// (net/CaptureEvents.h) kept as the object's properties. A capture belongs to the bus name that started it: only
// it may stop it, and it ends when that name leaves the bus, so a crashed GUI leaves no capture running.
#pragma once

#include <QObject>
#include <QProcess>
#include <QVariantMap>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>

#include "service/ServiceError.h"
#include "util/Result.h"

namespace aoesan::service {

// StartCapture's options (interface s, target s, boot b, seconds u, count t) checked: the typed error of the
// first problem, else what the capture is and the engine's arguments for it (all but --pcap-fd). Pure: no
// process starts, nothing on the machine is looked at.
struct CaptureRequest
{
    QString interface;
    std::optional<std::uint16_t> shelf;
    std::optional<std::uint8_t> slot;
    bool boot = false;
    QStringList arguments; // capture [--seconds N] [--count N] [--target S.L] [--boot] -i IFACE
};
Result<CaptureRequest, ServiceError> captureRequestFor(const QVariantMap &options);

class CaptureJobs : public QObject
{
    Q_OBJECT

public:
    explicit CaptureJobs(QString engine, QObject *parent = nullptr);
    ~CaptureJobs() override;

    // StartCapture's options checked, the engine started onto `fd` (a descriptor of the caller's file; it is
    // duplicated, the caller keeps its own). Returns the capture's number.
    Result<quint64, ServiceError> start(const QString &owner, int fd, const QVariantMap &options);
    // Stops it (if it runs) and forgets it; only its owner may.
    Result<bool, ServiceError> stop(quint64 id, const QString &caller);
    // The name left the bus: its captures end and go.
    void ownerGone(const QString &owner);

    bool contains(quint64 id) const { return m_captures.contains(id); }
    std::vector<quint64> ids() const;
    QVariantMap properties(quint64 id) const;
    QString ownerOf(quint64 id) const;

signals:
    void added(quint64 id);
    void changed(quint64 id);
    void removed(quint64 id);

private:
    struct Capture
    {
        QString owner;
        QString interface;
        QString filter;
        QString state = QStringLiteral("running");
        quint64 frames = 0;
        quint64 dropped = 0;
        QString error;
        std::unique_ptr<QProcess> process;
        QByteArray partial;
        bool stopped = false; // its stopped event came
    };
    void onOutput(quint64 id);
    void onFinished(quint64 id, int code);
    void end(Capture &capture);

    QString m_engine;
    std::map<quint64, Capture> m_captures;
    quint64 m_next = 1;
};

} // namespace aoesan::service
