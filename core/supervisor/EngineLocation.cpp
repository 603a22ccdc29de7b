// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/EngineLocation.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#ifndef AOESAN_LIBEXEC_DIR
#define AOESAN_LIBEXEC_DIR "/usr/libexec"
#endif

namespace aoesan::supervisor {

namespace {

QStringList candidates()
{
    QStringList paths;
    if (const QString env = qEnvironmentVariable("AOESAN_ENGINE"); !env.isEmpty())
        paths << env;
    // A build tree has aoesan-ctl and aoesan-engine side by side; so may a relocated install.
    if (QCoreApplication::instance())
        paths << QCoreApplication::applicationDirPath() + QStringLiteral("/aoesan-engine");
    paths << QStringLiteral(AOESAN_LIBEXEC_DIR "/aoesan/aoesan-engine");
    return paths;
}

} // namespace

QString findEngine()
{
    for (const QString &path : candidates()) {
        const QFileInfo info(path);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
    }
    return {};
}

QString engineSearchDescription()
{
    return QStringLiteral("looked for aoesan-engine at %1 (set AOESAN_ENGINE to its path)")
        .arg(candidates().join(QStringLiteral(", ")));
}

} // namespace aoesan::supervisor
