// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/ReadSmallFile.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <sys/stat.h>

namespace aoesan::util {

namespace {

QString sizeText(qint64 bytes)
{
    if (bytes >= kMiB && bytes % kMiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / kMiB);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

// "the export list /path", or the path alone.
QString named(const QString &path, const ReadLimits &limits)
{
    return limits.what.isEmpty() ? path : limits.what + QLatin1Char(' ') + path;
}

ReadFileError systemError(const QString &file, int err)
{
    using Code = ReadFileError::Code;
    const QString why = QString::fromLocal8Bit(std::strerror(err));
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        return {Code::NotFound, QStringLiteral("%1 does not exist").arg(file)};
    case EACCES:
    case EPERM:
        return {Code::NoPermission, QStringLiteral("cannot read %1: %2").arg(file, why)};
    case ELOOP:
        return {Code::NotRegular, QStringLiteral("%1 is a symbolic link, not a regular file").arg(file)};
    default:
        return {Code::Io, QStringLiteral("cannot read %1: %2").arg(file, why)};
    }
}

ReadFileError notRegular(const QString &file, mode_t mode)
{
    return {ReadFileError::Code::NotRegular,
        QStringLiteral("%1 is %2, not a regular file").arg(file, fileKindName(static_cast<unsigned int>(mode)))};
}

ReadFileError tooBig(const QString &file, qint64 limit)
{
    return {ReadFileError::Code::TooBig,
        QStringLiteral("%1 is larger than %2, more than such a file ever holds").arg(file, sizeText(limit))};
}

} // namespace

QString fileKindName(unsigned int mode)
{
    const auto m = static_cast<mode_t>(mode);
    if (S_ISREG(m))
        return QStringLiteral("a regular file");
    if (S_ISDIR(m))
        return QStringLiteral("a directory");
    if (S_ISFIFO(m))
        return QStringLiteral("a FIFO");
    if (S_ISCHR(m))
        return QStringLiteral("a character device");
    if (S_ISBLK(m))
        return QStringLiteral("a block device");
    if (S_ISSOCK(m))
        return QStringLiteral("a socket");
    if (S_ISLNK(m))
        return QStringLiteral("a symbolic link");
    return QStringLiteral("not a file of a known kind");
}

Result<QByteArray, ReadFileError> readSmallFile(const QString &path, const ReadLimits &limits)
{
    const QByteArray name = QFile::encodeName(path);
    const QString file = named(path, limits);
    // Look before opening: opening a device can do something (a tape rewinds, a terminal becomes ours), and a
    // FIFO opened without O_NONBLOCK waits for a writer.
    struct stat st
    {
    };
    const int looked = limits.followLinks ? ::stat(name.constData(), &st) : ::lstat(name.constData(), &st);
    if (looked != 0)
        return Unexpected(systemError(file, errno));
    if (!S_ISREG(st.st_mode))
        return Unexpected(notRegular(file, st.st_mode));
    if (st.st_size > limits.maxBytes)
        return Unexpected(tooBig(file, limits.maxBytes));

    // The path may have changed since: fstat on what was opened is what counts.
    const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (limits.followLinks ? 0 : O_NOFOLLOW);
    const int fd = ::open(name.constData(), flags);
    if (fd < 0)
        return Unexpected(systemError(file, errno));
    const auto closing = [fd](auto result) {
        ::close(fd);
        return result;
    };
    if (::fstat(fd, &st) != 0)
        return closing(Unexpected(systemError(file, errno)));
    if (!S_ISREG(st.st_mode))
        return closing(Unexpected(notRegular(file, st.st_mode)));
    if (st.st_size > limits.maxBytes)
        return closing(Unexpected(tooBig(file, limits.maxBytes)));

    // One byte past the limit: a file that grows while it is read is refused too, never read without end.
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(std::min<qint64>(st.st_size, limits.maxBytes) + 1));
    qint64 have = 0;
    for (;;) {
        if (have == bytes.size()) {
            if (have > limits.maxBytes)
                return closing(Unexpected(tooBig(file, limits.maxBytes)));
            bytes.resize(static_cast<qsizetype>(std::min<qint64>(have * 2 + 4096, limits.maxBytes + 1)));
        }
        const ssize_t n = ::read(fd, bytes.data() + have, static_cast<std::size_t>(bytes.size() - have));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return closing(Unexpected(systemError(file, errno)));
        if (n == 0)
            break;
        have += n;
    }
    ::close(fd);
    if (have > limits.maxBytes)
        return Unexpected(tooBig(file, limits.maxBytes));
    bytes.resize(static_cast<qsizetype>(have));
    return bytes;
}

} // namespace aoesan::util
