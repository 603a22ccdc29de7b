// SPDX-License-Identifier: GPL-3.0-or-later
// A host sending from ever-new source MACs, for the engine's hostile tests: broadcast config queries
// (what every initiator sends to find targets), each from a random locally administered unicast MAC, at a
// set rate from a thread of its own, through a RawPeer opened in the lab's initiator namespace.
#pragma once

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <memory>
#include <random>
#include <thread>

#include "RawPeer.h"
#include "TargetFrames.h"

namespace aoesan::test {

class SourceStorm
{
public:
    SourceStorm(std::unique_ptr<RawPeer> peer, int framesPerSecond, std::chrono::milliseconds length)
        : m_peer(std::move(peer))
        , m_thread([this, framesPerSecond, length] { run(framesPerSecond, length); })
    { }
    ~SourceStorm() { stop(); }
    SourceStorm(const SourceStorm &) = delete;
    SourceStorm &operator=(const SourceStorm &) = delete;

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    bool running() const { return !m_done; }
    qint64 sent() const { return m_sent; }

private:
    void run(int framesPerSecond, std::chrono::milliseconds length)
    {
        std::mt19937_64 random(20261203);
        QByteArray frame = frames::header(protocol::MacAddress::broadcast(), protocol::MacAddress(), frames::kRequest,
            0, 0xFFFF, 0xFF, frames::kConfig, 0)
                               .configRequest(0, {})
                               .padTo();
        const auto start = std::chrono::steady_clock::now();
        const auto end = start + length;
        qint64 n = 0;
        while (!m_stop && std::chrono::steady_clock::now() < end) {
            // 100 frames, then wait for the schedule.
            for (int i = 0; i < 100; ++i, ++n) {
                const std::uint64_t r = random();
                frame[6] = '\x02'; // locally administered, unicast
                for (int b = 1; b < 6; ++b)
                    frame[6 + b] = static_cast<char>((r >> (8U * static_cast<unsigned>(b))) & 0xffU);
                for (int b = 0; b < 4; ++b) // a tag of its own per frame
                    frame[20 + b] = static_cast<char>((n >> (8 * (3 - b))) & 0xff);
                if (m_peer->send(frame))
                    ++m_sent;
            }
            std::this_thread::sleep_until(start + std::chrono::microseconds(n * 1000000 / framesPerSecond));
        }
        m_done = true;
    }

    std::unique_ptr<RawPeer> m_peer;
    std::atomic<bool> m_stop {false};
    std::atomic<bool> m_done {false};
    std::atomic<qint64> m_sent {0};
    std::thread m_thread;
};

} // namespace aoesan::test
