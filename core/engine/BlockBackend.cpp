// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/BlockBackend.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

namespace aoesan::engine {

namespace {

// The fix offered is the one that applies: group 'disk' opens block devices, not a user's plain file.
BackendError openError(const std::string &path, int err, bool blockDevice = false, bool readOnly = false)
{
    using Code = BackendError::Code;
    const std::string why = std::strerror(err);
    switch (err) {
    case ENOENT:
        return {Code::NotFound, path + " does not exist"};
    case EROFS:
        return {Code::PermissionDenied, path + " is on a read-only file system; export it read-only (-r)"};
    case EACCES:
    case EPERM:
        if (blockDevice)
            return {Code::PermissionDenied,
                "no permission to open " + path + " (" + why
                    + "); run as root, add yourself to group 'disk', or export it read-only (-r)"};
        if (readOnly)
            return {Code::PermissionDenied,
                "no permission to read " + path + " (" + why
                    + "); make it readable for this user (chmod or chown) or export it as its owner"};
        return {Code::PermissionDenied,
            "no permission to open " + path + " for reading and writing (" + why
                + "); give this user write access to it (chmod or chown), or export it read-only (-r)"};
    case EBUSY:
        return {Code::Busy,
            path
                + " is in use (mounted, or held by LVM, md or another program); "
                  "unmount it first or export it read-only (-r)"};
    case EISDIR:
        return {Code::NotStorage, path + " is a directory, not a file or block device"};
    default:
        return {Code::Io, "cannot open " + path + ": " + why};
    }
}

IoStatus transfer(bool isWrite, int fd, int fallbackFd, void *buffer, std::size_t bytes, off_t at)
{
    std::size_t done = 0;
    bool retried = false;
    while (done < bytes) {
        auto *p = static_cast<std::uint8_t *>(buffer) + done;
        const auto offset = static_cast<off_t>(at + static_cast<off_t>(done));
        const ssize_t n = isWrite ? ::pwrite(fd, p, bytes - done, offset) : ::pread(fd, p, bytes - done, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EINVAL && fallbackFd >= 0 && !retried) {
            // O_DIRECT refused this buffer or size: serve it through the page cache instead.
            fd = fallbackFd;
            retried = true;
            continue;
        }
        if (n <= 0)
            return IoStatus::Failed;
        done += static_cast<std::size_t>(n);
    }
    return IoStatus::Ok;
}

// The bytes an export of `fd` can serve: a block device's size from the kernel, a regular file's st_size.
Result<std::uint64_t, BackendError> sizeOf(const std::string &path, int fd, const struct stat &st)
{
    if (!S_ISBLK(st.st_mode))
        return static_cast<std::uint64_t>(st.st_size);
    std::uint64_t bytes = 0;
    if (::ioctl(fd, BLKGETSIZE64, &bytes) != 0)
        return Unexpected(
            BackendError {BackendError::Code::Io, "cannot read the size of " + path + ": " + std::strerror(errno)});
    return bytes;
}

} // namespace

Result<std::uint64_t, BackendError> storageSectors(const std::string &path)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0)
        return Unexpected(openError(path, errno));
    if (!S_ISBLK(st.st_mode) && !S_ISREG(st.st_mode))
        return Unexpected(BackendError {BackendError::Code::NotStorage,
            path + (S_ISDIR(st.st_mode) ? " is a directory" : " is neither a regular file nor a block device")});
    if (S_ISREG(st.st_mode))
        return static_cast<std::uint64_t>(st.st_size) / BlockBackend::kSectorSize;
    // Read-only and non-blocking: sizing claims nothing (no O_EXCL) and waits for nothing.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return Unexpected(openError(path, errno, true, true));
    const auto bytes = sizeOf(path, fd, st);
    ::close(fd);
    if (!bytes)
        return Unexpected(bytes.error());
    return bytes.value() / BlockBackend::kSectorSize;
}

Result<std::uint64_t, BackendError> exportWindow(const std::string &path, std::uint64_t totalSectors,
    std::uint64_t offsetSectors, std::optional<std::uint64_t> lengthSectors)
{
    if (offsetSectors >= totalSectors)
        return Unexpected(BackendError {BackendError::Code::OutOfRange,
            "offset " + std::to_string(offsetSectors) + " is at or past the end of " + path + " ("
                + std::to_string(totalSectors) + " sectors)"});
    const std::uint64_t available = totalSectors - offsetSectors;
    const std::uint64_t length = lengthSectors.value_or(available);
    if (length == 0 || length > available)
        return Unexpected(BackendError {BackendError::Code::OutOfRange,
            "length " + std::to_string(length) + " sectors does not fit " + path + ": " + std::to_string(available)
                + " sectors are available after the offset"});
    return length;
}

Result<std::unique_ptr<BlockBackend>, BackendError> BlockBackend::open(
    const std::string &path, const BackendOptions &options)
{
    using Code = BackendError::Code;
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0)
        return Unexpected(openError(path, errno, false, options.readOnly));
    const bool blockDevice = S_ISBLK(st.st_mode);
    if (!blockDevice && !S_ISREG(st.st_mode))
        return Unexpected(BackendError {Code::NotStorage,
            path + (S_ISDIR(st.st_mode) ? " is a directory" : " is neither a regular file nor a block device")});

    int flags = (options.readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC;
    if (options.sync)
        flags |= O_SYNC;
    // A read-write block device export must be the only user: O_EXCL fails while it is mounted.
    if (blockDevice && !options.readOnly)
        flags |= O_EXCL;
    const int bufferedFd = ::open(path.c_str(), flags);
    if (bufferedFd < 0)
        return Unexpected(openError(path, errno, blockDevice, options.readOnly));
    int fd = bufferedFd;
    int fallback = -1;
    if (options.direct) {
        // The O_EXCL claim is already held by bufferedFd; a second O_EXCL open of the same device fails.
        fd = ::open(path.c_str(), (flags & ~O_EXCL) | O_DIRECT);
        if (fd < 0) {
            const int err = errno;
            ::close(bufferedFd);
            if (err == EINVAL)
                return Unexpected(
                    BackendError {Code::Io, path + " does not support direct I/O (-d); export it without -d"});
            return Unexpected(openError(path, err, blockDevice, options.readOnly));
        }
        fallback = bufferedFd;
    }

    auto closeAll = [&] {
        ::close(fd);
        if (fallback >= 0)
            ::close(fallback);
    };
    const auto bytes = sizeOf(path, fd, st);
    if (!bytes) {
        closeAll();
        return Unexpected(bytes.error());
    }
    const auto window = exportWindow(path, bytes.value() / kSectorSize, options.offsetSectors, options.lengthSectors);
    if (!window) {
        closeAll();
        return Unexpected(window.error());
    }
    const std::uint64_t length = window.value();
    return std::unique_ptr<BlockBackend>(new BlockBackend(path, options, fd, fallback, blockDevice, length));
}

BlockBackend::BlockBackend(
    std::string path, BackendOptions options, int fd, int bufferedFd, bool blockDevice, std::uint64_t sectors)
    : m_path(std::move(path))
    , m_options(options)
    , m_fd(fd)
    , m_bufferedFd(bufferedFd)
    , m_isBlockDevice(blockDevice)
    , m_sectors(sectors)
{ }

BlockBackend::~BlockBackend()
{
    ::close(m_fd);
    if (m_bufferedFd >= 0)
        ::close(m_bufferedFd);
}

bool BlockBackend::inRange(std::uint64_t lba, std::size_t bytes) const
{
    const std::uint64_t count = bytes / kSectorSize;
    return bytes % kSectorSize == 0 && lba <= m_sectors && count <= m_sectors - lba;
}

IoStatus BlockBackend::read(std::uint64_t lba, std::span<std::uint8_t> out) const
{
    if (!inRange(lba, out.size()))
        return IoStatus::OutOfRange;
    const auto at = static_cast<off_t>((m_options.offsetSectors + lba) * kSectorSize);
    return transfer(false, m_fd, m_bufferedFd, out.data(), out.size(), at);
}

IoStatus BlockBackend::write(std::uint64_t lba, std::span<const std::uint8_t> in) const
{
    if (m_options.readOnly)
        return IoStatus::ReadOnly;
    if (!inRange(lba, in.size()))
        return IoStatus::OutOfRange;
    const auto at = static_cast<off_t>((m_options.offsetSectors + lba) * kSectorSize);
    // pwrite does not modify the buffer; the cast only satisfies the shared read/write loop.
    return transfer(true, m_fd, m_bufferedFd, const_cast<std::uint8_t *>(in.data()), in.size(), at);
}

IoStatus BlockBackend::check(std::uint64_t lba, std::size_t bytes, bool write) const
{
    if (write && m_options.readOnly)
        return IoStatus::ReadOnly;
    return inRange(lba, bytes) ? IoStatus::Ok : IoStatus::OutOfRange;
}

IoStatus BlockBackend::flush() const
{
    if (m_options.readOnly)
        return IoStatus::Ok;
    return ::fdatasync(m_fd) == 0 ? IoStatus::Ok : IoStatus::Failed;
}

} // namespace aoesan::engine
