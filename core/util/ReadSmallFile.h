// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a small configuration or state file (an export list, an engine's state, a vblade.conf.d file, the
// service's settings) without trusting what is at the path: a FIFO would hang the reader, /dev/zero or
// /dev/urandom would grow it until it aborts. Only a regular file of at most a caller's limit is read; anything
// else is refused with a sentence naming the path and what it is.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <utility>

#include "util/Result.h"

namespace aoesan::util {

struct ReadFileError
{
    enum class Code : std::uint8_t {
        NotFound, // nothing at the path (a dangling link too): most callers take it as "none yet"
        NoPermission,
        NotRegular, // a FIFO, a device, a directory, a socket (or a link when links are refused)
        TooBig, // larger than the caller's limit, also when it grew while it was read
        Io,
    };
    Code code = Code::Io;
    QString message; // names the file: "the export list /etc/aoesan/exports.json is a FIFO, not a regular file"
};

struct ReadLimits
{
    // NOLINTNEXTLINE(google-explicit-constructor): `{kMaxBytes, "the export list"}` at the call reads well
    ReadLimits(qint64 most, QString name = {}, bool links = true)
        : maxBytes(most)
        , what(std::move(name))
        , followLinks(links)
    { }
    qint64 maxBytes;
    QString what; // how messages name the file before its path ("the export list"); empty: the path alone
    bool followLinks; // false: a symbolic link at the path is refused (O_NOFOLLOW)
};

inline constexpr qint64 kMiB = 1 << 20;

// The whole file, or why not. Never blocks on a FIFO, never reads more than maxBytes + 1 bytes.
Result<QByteArray, ReadFileError> readSmallFile(const QString &path, const ReadLimits &limits);

// "a FIFO", "a character device", "a directory", ... for an st_mode; "a regular file" for one.
QString fileKindName(unsigned int mode);

} // namespace aoesan::util
