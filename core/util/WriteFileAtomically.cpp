// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/WriteFileAtomically.h"

#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

#include "util/ReadSmallFile.h"

namespace aoesan::util {

namespace {

QString named(const QString &path, const QString &what)
{
    return what.isEmpty() ? path : what + QLatin1Char(' ') + path;
}

} // namespace

std::optional<QString> refusedWriteTarget(const QString &path, const QString &what)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat link
    {
    };
    if (::lstat(native.constData(), &link) != 0)
        return std::nullopt; // nothing there yet (or an unreadable directory, which the write itself reports)
    struct stat target
    {
    };
    if (::stat(native.constData(), &target) != 0) {
        if (errno == ENOENT)
            // QSaveFile would create whatever the link names, wherever that is.
            return QStringLiteral("%1 is a symbolic link to nothing; nothing was written").arg(named(path, what));
        return QStringLiteral("cannot write %1: %2")
            .arg(named(path, what), QString::fromLocal8Bit(std::strerror(errno)));
    }
    if (!S_ISREG(target.st_mode))
        return QStringLiteral("%1 is %2, not a regular file; nothing was written")
            .arg(named(path, what),
                S_ISLNK(link.st_mode) ? QStringLiteral("a link to ") + fileKindName(target.st_mode)
                                      : fileKindName(target.st_mode));
    return std::nullopt;
}

Result<bool, QString> writeFileAtomically(const QString &path, const QByteArray &bytes, const QString &what)
{
    if (auto refused = refusedWriteTarget(path, what))
        return Unexpected(*refused);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected(QStringLiteral("cannot write %1: %2").arg(named(path, what), file.errorString()));
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Unexpected(QStringLiteral("cannot write %1: %2").arg(named(path, what), why));
    }
    // commit() flushes, fsyncs and renames over the old file.
    if (!file.commit())
        return Unexpected(QStringLiteral("cannot write %1: %2").arg(named(path, what), file.errorString()));
    return true;
}

} // namespace aoesan::util
