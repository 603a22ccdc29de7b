// SPDX-License-Identifier: GPL-3.0-or-later
// The workload of the kill -9 tests ([12]): aoesan's own initiator writes batches of distinct random 4 KiB
// blocks, sends FLUSH CACHE EXT after each batch and reads the whole image back, checking every block
// against a shadow copy of what was acknowledged. Something (the test) kills the target during a batch;
// requests retransmit for up to 20 s so the next engine answers them.
#pragma once

#include <QCoreApplication>
#include <QRandomGenerator>

#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "initiator/BlockTransfer.h"
#include "initiator/Initiator.h"
#include "initiator/SystemClock.h"
#include "net/Transport.h"
#include "protocol/Frame.h"

namespace aoesan::test {

class FaultsWorkload
{
public:
    static constexpr qint64 kBlock = 4096;

    // `transport` was opened in the initiator's namespace; the workload does not own it.
    FaultsWorkload(net::Transport *transport, std::uint16_t shelf, std::uint8_t slot, qint64 blocks)
        : m_initiator(m_clock)
        , m_transport(transport)
        , m_peer {transport, protocol::MacAddress::broadcast(), shelf, slot}
        , m_blocks(blocks)
        , m_shadow(blocks * kBlock, '\0')
    {
        m_initiator.addTransport(transport);
        // The back-off stops at 0.5 s (not 2 s), so a round is not spent waiting out timers once the target
        // is back.
        m_retry.maxTimeout = std::chrono::milliseconds(500);
        m_retry.attempts = 60;
        m_retry.total = std::chrono::seconds(20);
    }
    ~FaultsWorkload() { m_initiator.removeTransport(m_transport); }
    FaultsWorkload(const FaultsWorkload &) = delete;
    FaultsWorkload &operator=(const FaultsWorkload &) = delete;

    // Writes `count` distinct random blocks at once and runs `during` once `afterAcks` (< count) of them were
    // acknowledged, so the rest are in flight then; an empty string when every write was acknowledged.
    QString writeBatch(int count, int afterAcks, const std::function<void()> &during)
    {
        std::set<qint64> blocks;
        while (int(blocks.size()) < count)
            blocks.insert(QRandomGenerator::global()->bounded(m_blocks));
        int pending = 0;
        QString failure;
        for (const qint64 block : blocks) {
            const QByteArray data = random(kBlock);
            ++pending;
            m_initiator.write(
                m_peer, std::uint64_t(block * kBlock / 512), data, nullptr,
                [&, block, data](initiator::Outcome<initiator::WriteResult> result) {
                    --pending;
                    if (result) {
                        m_shadow.replace(block * kBlock, kBlock, data);
                        retransmits += result->retransmits;
                        ++blocksWritten;
                    } else {
                        m_unacknowledged.insert(block); // old or new content: both are right
                        failure = QString::fromStdString(result.error().message);
                    }
                },
                m_retry);
        }
        bool ran = false;
        while (pending > 0 || !ran) {
            if (!ran && count - pending >= afterAcks) {
                during();
                ran = true;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        }
        return failure;
    }

    // FLUSH CACHE EXT; an empty string when it was acknowledged with a good status.
    QString flush()
    {
        protocol::AtaArg arg;
        arg.aflags = protocol::aflags::Extended;
        arg.cmdStatus = protocol::ata::FlushCacheExt;
        protocol::Frame frame;
        frame.header.command = static_cast<std::uint8_t>(protocol::Command::Ata);
        frame.arg = arg;
        bool done = false;
        QString failure;
        m_initiator.tracker().submit(m_peer, frame, m_retry, nullptr, [&](initiator::Outcome<initiator::RawReply> raw) {
            done = true;
            if (!raw) {
                failure = QString::fromStdString(raw.error().message);
                return;
            }
            const auto bytes = std::span(reinterpret_cast<const std::uint8_t *>(raw->frame.constData()),
                static_cast<std::size_t>(raw->frame.size()));
            const auto decoded = protocol::decodeFrame(bytes, protocol::DecodeOptions {false});
            const protocol::AtaArg *ata = decoded ? decoded->as<protocol::AtaArg>() : nullptr;
            if (!ata)
                failure = QStringLiteral("undecodable FLUSH reply");
            else if (auto bad = initiator::ataReplyFailure(raw->meta.header, *ata, raw->meta.attempts))
                failure = QString::fromStdString(bad->message);
        });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (failure.isEmpty())
            ++flushes;
        return failure;
    }

    // Reads the whole image and compares every block with the shadow; counts verified and lost blocks.
    QString verify()
    {
        bool done = false;
        QString failure;
        QByteArray readBack;
        m_initiator.read(
            m_peer, 0, std::uint64_t(m_blocks * kBlock / 512), nullptr,
            [&](initiator::Outcome<initiator::ReadResult> result) {
                done = true;
                if (result)
                    readBack = result->data;
                else
                    failure = QString::fromStdString(result.error().message);
            },
            m_retry);
        while (!done)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!failure.isEmpty())
            return failure;
        if (readBack.size() != m_shadow.size())
            return QStringLiteral("read %1 bytes back, not %2").arg(readBack.size()).arg(m_shadow.size());
        for (qint64 block = 0; block < m_blocks; ++block) {
            const auto got = QByteArrayView(readBack).sliced(block * kBlock, kBlock);
            if (got != QByteArrayView(m_shadow).sliced(block * kBlock, kBlock)) {
                if (m_unacknowledged.count(block) != 0) {
                    m_shadow.replace(block * kBlock, kBlock, got.toByteArray());
                    continue;
                }
                ++lost;
                qWarning("block %lld differs from its acknowledged write", block);
            }
            ++blocksVerified;
        }
        m_unacknowledged.clear();
        return {};
    }

    std::uint64_t blocksWritten = 0;
    std::uint64_t blocksVerified = 0;
    std::uint64_t lost = 0;
    int retransmits = 0;
    int flushes = 0;

private:
    static QByteArray random(qsizetype size)
    {
        QByteArray data(size, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
        return data;
    }

    initiator::SystemClock m_clock;
    initiator::Initiator m_initiator;
    net::Transport *m_transport;
    initiator::Peer m_peer;
    qint64 m_blocks;
    QByteArray m_shadow; // what every acknowledged write put there
    std::set<qint64> m_unacknowledged; // blocks whose write failed
    initiator::RetryPolicy m_retry;
};

} // namespace aoesan::test
