// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a function on a worker thread and hands its result to `done` on `context`'s thread, so slow
// reads (a device scan that probes superblocks) never block the window. If `context` is gone by
// then, the result is dropped.
#pragma once

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace aoesan::ui {

template<typename Work, typename Done> void runInBackground(QObject *context, Work work, Done done)
{
    using T = decltype(work());
    auto result = std::make_shared<std::optional<T>>();
    QThread *thread = QThread::create([result, work = std::move(work)]() mutable { result->emplace(work()); });
    QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done)]() mutable {
        if (*result)
            done(std::move(**result));
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace aoesan::ui
