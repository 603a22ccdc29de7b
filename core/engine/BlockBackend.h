// SPDX-License-Identifier: GPL-3.0-or-later
// The storage behind an export: a regular file or a block device, a window of it (offset and
// length in 512-byte sectors, as vblade's -o/-l), read-only or not, O_DIRECT and O_SYNC options.
// Reads and writes are positional (pread/pwrite), so any number of threads may use one backend.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "util/Result.h"

namespace aoesan::engine {

struct BackendOptions
{
    bool readOnly = false;
    bool direct = false; // O_DIRECT: bypass the page cache (vblade -d)
    bool sync = false; // O_SYNC: every write reaches the device before it is answered (vblade -s)
    std::uint64_t offsetSectors = 0;
    std::optional<std::uint64_t> lengthSectors; // default: to the end
};

struct BackendError
{
    enum class Code : std::uint8_t {
        NotFound,
        PermissionDenied,
        Busy, // a block device opened read-write with O_EXCL is mounted or held by someone
        NotStorage, // a directory, a FIFO, ...
        OutOfRange, // offset/length past the end, or nothing left to export
        Io,
    };
    Code code = Code::Io;
    std::string message;
};

enum class IoStatus : std::uint8_t {
    Ok,
    OutOfRange, // LBA or count past the export's end (ATA IDNF)
    ReadOnly,
    Failed, // the system call failed or came back short (ATA ABRT)
};

// The size in 512-byte sectors of what `path` names, read as open() reads it when it serves: st_size of a
// regular file, the kernel's size (BLKGETSIZE64) of a block device. For the checks before an export exists.
Result<std::uint64_t, BackendError> storageSectors(const std::string &path);
// The sectors an export with this offset and length serves out of `totalSectors`, or OutOfRange saying why:
// the one rule open() and the checks when an export is added both apply.
Result<std::uint64_t, BackendError> exportWindow(const std::string &path, std::uint64_t totalSectors,
    std::uint64_t offsetSectors, std::optional<std::uint64_t> lengthSectors);

class BlockBackend
{
public:
    static constexpr std::uint64_t kSectorSize = 512;

    static Result<std::unique_ptr<BlockBackend>, BackendError> open(
        const std::string &path, const BackendOptions &options);
    ~BlockBackend();
    BlockBackend(const BlockBackend &) = delete;
    BlockBackend &operator=(const BlockBackend &) = delete;

    const std::string &path() const { return m_path; }
    std::uint64_t sectors() const { return m_sectors; }
    bool readOnly() const { return m_options.readOnly; }
    bool isBlockDevice() const { return m_isBlockDevice; }
    const BackendOptions &options() const { return m_options; }
    // Buffers passed to read()/write() with O_DIRECT should be aligned to this (bytes).
    static constexpr std::size_t kBufferAlignment = 4096;

    // `out.size()` must be count × 512. Thread-safe.
    IoStatus read(std::uint64_t lba, std::span<std::uint8_t> out) const;
    IoStatus write(std::uint64_t lba, std::span<const std::uint8_t> in) const;
    // fdatasync: what FLUSH CACHE (EXT) promises the initiator.
    IoStatus flush() const;

    // For callers that submit the I/O themselves (Linux AIO): checks range and read-only as read()
    // and write() do, and says where the bytes are.
    IoStatus check(std::uint64_t lba, std::size_t bytes, bool write) const;
    int ioFd() const { return m_fd; }
    std::int64_t byteOffset(std::uint64_t lba) const
    {
        return static_cast<std::int64_t>((m_options.offsetSectors + lba) * kSectorSize);
    }

private:
    BlockBackend(
        std::string path, BackendOptions options, int fd, int bufferedFd, bool blockDevice, std::uint64_t sectors);
    bool inRange(std::uint64_t lba, std::size_t bytes) const;

    std::string m_path;
    BackendOptions m_options;
    int m_fd = -1;
    // With O_DIRECT, a second descriptor without it serves requests whose buffer or length the device
    // cannot take directly (a 4Kn disk and a 1024-byte frame), instead of failing them.
    int m_bufferedFd = -1;
    bool m_isBlockDevice = false;
    std::uint64_t m_sectors = 0;
};

} // namespace aoesan::engine
