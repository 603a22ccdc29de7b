// SPDX-License-Identifier: GPL-3.0-or-later
// A helper thread that never takes a process signal. The engine stops on SIGTERM through a signalfd, which
// needs the signal blocked in every thread: a thread started before the main thread blocked it (the event
// stream's writer is) would otherwise receive it, and the default action ends the process without a clean
// stop. The new thread starts with every signal blocked; the caller's mask is left as it was.
#pragma once

#include <csignal>
#include <pthread.h>
#include <thread>
#include <utility>

namespace aoesan::util {

template<typename F> std::thread startSignalFreeThread(F &&body)
{
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    std::thread thread(std::forward<F>(body));
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return thread;
}

} // namespace aoesan::util
