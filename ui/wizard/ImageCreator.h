// SPDX-License-Identifier: GPL-3.0-or-later
// Creates an image file for a new export off the GUI thread: sparse (the size is set, no block is
// written: instant, and the disk fills as initiators write) or fully allocated (zeros written in chunks,
// with progress and a Cancel). A file that exists is never overwritten; a cancelled or failed one is
// removed.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>

class QThread;

namespace aoesan::ui {

class ImageCreator : public QObject
{
    Q_OBJECT

public:
    explicit ImageCreator(QObject *parent = nullptr);
    ~ImageCreator() override;

    // Starts creating; false (and finished is not emitted) when one is already running.
    bool start(const QString &path, std::uint64_t bytes, bool sparse);
    void cancel();
    bool isRunning() const;

signals:
    void progress(int percent);
    // Empty error: the file is there.
    void finished(const QString &path, const QString &error);

private:
    QString create(const QString &path, std::uint64_t bytes, bool sparse);

    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel {false};
};

} // namespace aoesan::ui
