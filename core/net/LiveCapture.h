// SPDX-License-Identifier: GPL-3.0-or-later
// Capturing frames from one interface for a person to read in Wireshark or tshark (`aoesan-ctl capture`): a
// libpcap live handle with a BPF filter chosen by what the person is looking at (all AoE, one target's traffic
// and the broadcasts that reach it, and for boot problems DHCP/TFTP), read without blocking from the event loop.
#pragma once

#include <QObject>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "net/TransportError.h"
#include "util/Result.h"

struct pcap;
class QSocketNotifier;

namespace aoesan::net {

struct CaptureFilter
{
    // One target: its frames and the broadcasts (shelf 0xFFFF or slot 0xFF) that it answers.
    std::optional<std::uint16_t> shelf;
    std::optional<std::uint8_t> slot;
    // Network boot as well: ARP and UDP (DHCP on 67/68, proxy DHCP on 4011, TFTP on 69 and on the ports its
    // transfers pick).
    bool boot = false;
};

// The BPF expression for `filter` (pcap-filter(7) syntax); AoE's header puts the shelf (major) at frame bytes 16-17 and
// the slot (minor) at byte 18.
std::string captureFilterExpression(const CaptureFilter &filter);

class LiveCapture : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<LiveCapture>, TransportError> open(
        const std::string &interface, const CaptureFilter &filter);
    ~LiveCapture() override;

    // Frames received and frames the kernel dropped (its buffer was full), as libpcap counts them.
    std::uint64_t frames() const { return m_frames; }
    std::uint64_t dropped() const;

signals:
    void frame(std::span<const std::uint8_t> bytes, std::chrono::microseconds timestamp);

private:
    explicit LiveCapture(pcap *handle);
    void readReady();

    pcap *m_handle;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::uint64_t m_frames = 0;
};

} // namespace aoesan::net
