// SPDX-License-Identifier: GPL-3.0-or-later
// What lab mode builds inside its private network namespace: two veth pairs (lab-a↔san-a at MTU 1500,
// lab-b↔san-b at MTU 9000), sparse image files in a temporary directory, "remote" demo targets served
// by aoesan-engine on the san-* ends (other machines of a pretend SAN: some up, one that goes down, one
// that comes and goes, two backends in conflict), and demo exports of "this machine" for the Exports
// list. Discovery watches lab-a and lab-b. Every process it starts is stopped by pid on destruction.
#pragma once

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <vector>

#include "supervisor/ExportRecord.h"

class QProcess;

namespace aoesan::ui::lab {

struct DemoTarget
{
    std::uint16_t shelf = 0;
    std::uint8_t slot = 0;
    QString interface;
    std::uint64_t bytes = 0;
    QString tag; // image file name part
};

class LabEnvironment : public QObject
{
    Q_OBJECT

public:
    explicit LabEnvironment(QString engine, QObject *parent = nullptr);
    ~LabEnvironment() override;

    // Creates links and images and starts the remote targets; false with `error` set on failure.
    bool build(QString *error);

    QString directory() const { return m_dir.path(); }
    QStringList probeInterfaces() const { return {QStringLiteral("lab-a"), QStringLiteral("lab-b")}; }
    // This machine's demo exports (served through the supervisor, listed under Exports).
    const std::vector<supervisor::ExportRecord> &demoExports() const { return m_exports; }
    int remoteEngines() const { return static_cast<int>(m_processes.size()); }

private:
    bool run(const QStringList &ipArguments, QString *error);
    bool makeImage(const QString &path, std::uint64_t bytes, QString *error);
    QProcess *serve(const DemoTarget &target, QString *error);
    void flap();

    QString m_engine;
    QTemporaryDir m_dir;
    std::vector<QProcess *> m_processes; // children of this object
    std::vector<supervisor::ExportRecord> m_exports;
    DemoTarget m_flapper;
    QProcess *m_flapping = nullptr;
    QTimer m_flapTimer;
};

} // namespace aoesan::ui::lab
