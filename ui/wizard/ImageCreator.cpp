// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/ImageCreator.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace aoesan::ui {

namespace {
constexpr std::size_t kChunk = 4 << 20;

QString systemError(const char *what, int error)
{
    return QCoreApplication::translate("ImageCreator", "%1: %2")
        .arg(QString::fromLatin1(what), QString::fromLocal8Bit(std::strerror(error)));
}
} // namespace

ImageCreator::ImageCreator(QObject *parent)
    : QObject(parent)
{ }

ImageCreator::~ImageCreator()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ImageCreator::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

bool ImageCreator::start(const QString &path, std::uint64_t bytes, bool sparse)
{
    if (isRunning())
        return false;
    delete m_thread;
    m_cancel = false;
    // Signals emitted from the worker reach receivers in their own threads (queued), never blocking it.
    m_thread = QThread::create([this, path, bytes, sparse] {
        const QString error = create(path, bytes, sparse);
        emit finished(path, error);
    });
    m_thread->start();
    return true;
}

void ImageCreator::cancel()
{
    m_cancel = true;
}

QString ImageCreator::create(const QString &path, std::uint64_t bytes, bool sparse)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
    if (fd < 0)
        return errno == EEXIST
            ? QCoreApplication::translate("ImageCreator", "%1 already exists; choose another name.").arg(path)
            : systemError("open", errno);
    QString error;
    if (sparse) {
        emit progress(0);
        if (::ftruncate(fd, static_cast<off_t>(bytes)) != 0)
            error = systemError("ftruncate", errno);
        emit progress(100);
    } else {
        const std::vector<char> zeros(kChunk, 0);
        std::uint64_t done = 0;
        int lastPercent = -1;
        while (done < bytes && error.isEmpty()) {
            if (m_cancel) {
                error = QCoreApplication::translate("ImageCreator", "Cancelled.");
                break;
            }
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, bytes - done));
            const ssize_t written = ::write(fd, zeros.data(), n);
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                error = systemError("write", errno);
                break;
            }
            done += static_cast<std::uint64_t>(written);
            const int percent = static_cast<int>(done * 100 / bytes);
            if (percent != lastPercent) {
                lastPercent = percent;
                emit progress(percent);
            }
        }
        if (error.isEmpty() && ::fsync(fd) != 0)
            error = systemError("fsync", errno);
    }
    ::close(fd);
    if (!error.isEmpty())
        ::unlink(name.constData());
    return error;
}

} // namespace aoesan::ui
