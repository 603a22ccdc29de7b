// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/EngineLocation.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#ifndef AOESAN_LIBEXEC_DIR
#define AOESAN_LIBEXEC_DIR "/usr/libexec"
#endif
#ifndef AOESAN_BIN_DIR
#define AOESAN_BIN_DIR "/usr/bin"
#endif

namespace aoesan::supervisor {

namespace {

QStringList candidates(const char *variable, const QString &program)
{
    QStringList paths;
    if (const QString env = qEnvironmentVariable(variable); !env.isEmpty())
        paths << env;
    // A build tree has the programs side by side in app/; so may a relocated install.
    if (QCoreApplication::instance())
        paths << QCoreApplication::applicationDirPath() + QLatin1Char('/') + program;
    paths << QStringLiteral(AOESAN_LIBEXEC_DIR "/aoesan/") + program;
    return paths;
}

QStringList engineCandidates()
{
    return candidates("AOESAN_ENGINE", QStringLiteral("aoesan-engine"));
}

QStringList serviceCandidates()
{
    return candidates("AOESAN_SERVICE", QStringLiteral("aoesan-service"));
}

QString firstExecutable(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return {};
}

} // namespace

QString findEngine()
{
    return firstExecutable(engineCandidates());
}

QString engineSearchDescription()
{
    return QStringLiteral("looked for aoesan-engine at %1 (set AOESAN_ENGINE to its path)")
        .arg(engineCandidates().join(QStringLiteral(", ")));
}

QString findServiceProgram()
{
    return firstExecutable(serviceCandidates());
}

QString findCtlProgram()
{
    QStringList paths;
    if (const QString env = qEnvironmentVariable("AOESAN_CTL"); !env.isEmpty())
        paths << env;
    if (QCoreApplication::instance())
        paths << QCoreApplication::applicationDirPath() + QStringLiteral("/aoesan-ctl");
    paths << QStringLiteral(AOESAN_BIN_DIR "/aoesan-ctl");
    return firstExecutable(paths);
}

QString serviceSearchDescription()
{
    return QStringLiteral("looked for aoesan-service at %1 (set AOESAN_SERVICE to its path)")
        .arg(serviceCandidates().join(QStringLiteral(", ")));
}

} // namespace aoesan::supervisor
