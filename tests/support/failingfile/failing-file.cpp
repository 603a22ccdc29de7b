// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-test-failing-file: a one-file FUSE filesystem for the disk-fault tests. The mount point holds one
// file, "disk", as big as the image it is backed by; reads (and with --fail-writes, writes) touching one of
// the given sector ranges fail with EIO, the rest goes to the image. direct_io on every open: the kernel's
// page cache must not answer a read the fixture would fail, so every request reaches the fixture.
//   aoesan-test-failing-file IMAGE MOUNTPOINT FIRST:COUNT[,FIRST:COUNT...] [--fail-writes]
// Runs in the foreground until SIGTERM/SIGINT or `fusermount3 -u MOUNTPOINT`.
#define FUSE_USE_VERSION 31
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fuse.h>
#include <unistd.h>

#include <sys/stat.h>

enum { kMaxRanges = 64 };

static struct State
{
    int image;
    off_t size;
    int failWrites;
    int ranges;
    uint64_t first[kMaxRanges];
    uint64_t count[kMaxRanges];
} g;

static const char kName[] = "/disk";

// Whether bytes [offset, offset + size) touch a bad sector.
static int touchesBad(off_t offset, size_t size)
{
    if (size == 0)
        return 0;
    const uint64_t firstSector = (uint64_t)offset / 512;
    const uint64_t lastSector = ((uint64_t)offset + size - 1) / 512;
    for (int i = 0; i < g.ranges; ++i)
        if (firstSector < g.first[i] + g.count[i] && lastSector >= g.first[i])
            return 1;
    return 0;
}

static int doGetattr(const char *path, struct stat *st, struct fuse_file_info *fi)
{
    (void)fi;
    memset(st, 0, sizeof *st);
    if (strcmp(path, "/") == 0) {
        st->st_mode = S_IFDIR | 0755;
        st->st_nlink = 2;
        return 0;
    }
    if (strcmp(path, kName) != 0)
        return -ENOENT;
    st->st_mode = S_IFREG | 0600;
    st->st_nlink = 1;
    st->st_size = g.size;
    return 0;
}

static int doReaddir(const char *path, void *buf, fuse_fill_dir_t fill, off_t offset, struct fuse_file_info *fi,
    enum fuse_readdir_flags flags)
{
    (void)offset;
    (void)fi;
    (void)flags;
    if (strcmp(path, "/") != 0)
        return -ENOENT;
    fill(buf, ".", nullptr, 0, fuse_fill_dir_flags {});
    fill(buf, "..", nullptr, 0, fuse_fill_dir_flags {});
    fill(buf, kName + 1, nullptr, 0, fuse_fill_dir_flags {});
    return 0;
}

static int doOpen(const char *path, struct fuse_file_info *fi)
{
    if (strcmp(path, kName) != 0)
        return -ENOENT;
    fi->direct_io = 1;
    fi->keep_cache = 0;
    return 0;
}

static int doRead(const char *path, char *buf, size_t size, off_t offset, struct fuse_file_info *fi)
{
    (void)path;
    (void)fi;
    if (touchesBad(offset, size))
        return -EIO;
    const ssize_t n = pread(g.image, buf, size, offset);
    return n < 0 ? -errno : (int)n;
}

static int doWrite(const char *path, const char *buf, size_t size, off_t offset, struct fuse_file_info *fi)
{
    (void)path;
    (void)fi;
    if (g.failWrites && touchesBad(offset, size))
        return -EIO;
    if (offset >= g.size)
        return -ENOSPC;
    if ((off_t)size > g.size - offset)
        size = (size_t)(g.size - offset);
    const ssize_t n = pwrite(g.image, buf, size, offset);
    return n < 0 ? -errno : (int)n;
}

static int doFsync(const char *path, int datasync, struct fuse_file_info *fi)
{
    (void)path;
    (void)fi;
    return (datasync ? fdatasync(g.image) : fsync(g.image)) < 0 ? -errno : 0;
}

static int doTruncate(const char *path, off_t size, struct fuse_file_info *fi)
{
    (void)path;
    (void)fi;
    // The file's size is the image's: an O_TRUNC-less open never asks, anything else is refused.
    return size == g.size ? 0 : -EPERM;
}

static fuse_operations makeOperations()
{
    fuse_operations ops {};
    ops.getattr = doGetattr;
    ops.truncate = doTruncate;
    ops.open = doOpen;
    ops.read = doRead;
    ops.write = doWrite;
    ops.fsync = doFsync;
    ops.readdir = doReaddir;
    return ops;
}
static const fuse_operations kOperations = makeOperations();

// "FIRST:COUNT[,FIRST:COUNT...]" into g.first/g.count; 0 on bad input.
static int parseRanges(const char *text)
{
    const char *p = text;
    while (*p) {
        if (g.ranges == kMaxRanges)
            return 0;
        char *end = nullptr;
        errno = 0;
        const unsigned long long first = strtoull(p, &end, 10);
        if (errno || end == p || *end != ':')
            return 0;
        p = end + 1;
        const unsigned long long count = strtoull(p, &end, 10);
        if (errno || end == p || count == 0 || (*end != ',' && *end != '\0'))
            return 0;
        g.first[g.ranges] = first;
        g.count[g.ranges] = count;
        ++g.ranges;
        p = *end == ',' ? end + 1 : end;
    }
    return g.ranges > 0;
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5 || (argc == 5 && strcmp(argv[4], "--fail-writes") != 0)) {
        fprintf(stderr, "usage: %s IMAGE MOUNTPOINT FIRST:COUNT[,FIRST:COUNT...] [--fail-writes]\n", argv[0]);
        return 2;
    }
    if (!parseRanges(argv[3])) {
        fprintf(stderr, "%s: bad sector ranges \"%s\" (FIRST:COUNT[,FIRST:COUNT...], at most %d)\n", argv[0], argv[3],
            kMaxRanges);
        return 2;
    }
    g.failWrites = argc == 5;
    g.image = open(argv[1], O_RDWR | O_CLOEXEC);
    if (g.image < 0) {
        fprintf(stderr, "%s: %s: %s\n", argv[0], argv[1], strerror(errno));
        return 1;
    }
    struct stat st;
    if (fstat(g.image, &st) < 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, "%s: %s is not a regular file\n", argv[0], argv[1]);
        return 1;
    }
    g.size = st.st_size;
    // Foreground, single-threaded (the requests are few), readable by root only.
    char foreground[] = "-f";
    char singleThreaded[] = "-s";
    char optionFlag[] = "-o";
    char options[] = "default_permissions,fsname=aoesan-failing-file";
    char *fuseArgv[] = {argv[0], foreground, singleThreaded, optionFlag, options, argv[2], nullptr};
    return fuse_main(6, fuseArgv, &kOperations, nullptr);
}
