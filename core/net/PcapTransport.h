// SPDX-License-Identifier: GPL-3.0-or-later
// The libpcap transport: live capture of AoE frames on one Ethernet interface, and frame injection.
// Discovery, the initiator and the CLI use it; it needs CAP_NET_RAW (see PacketCapability.h).
#pragma once

#include <QObject>

#include <memory>
#include <string>

#include "net/NetworkInterfaces.h"
#include "net/Transport.h"

struct pcap;
class QSocketNotifier;

namespace aoesan::net {

class PcapTransport : public Transport
{
    Q_OBJECT

public:
    // Opens `interface` in this network namespace: promiscuous (discovery also hears answers to other
    // initiators), immediate delivery, only EtherType 0x88A2: frames from the wire and frames other
    // programs of this machine send on it (its own exports' answers), never the ones it sent itself.
    // The caller owns the transport (no QObject parent: one owner only).
    static Result<std::unique_ptr<PcapTransport>, TransportError> open(const std::string &interface);
    ~PcapTransport() override;
    PcapTransport(const PcapTransport &) = delete;
    PcapTransport &operator=(const PcapTransport &) = delete;

    std::string interfaceName() const override { return m_info.name; }
    protocol::MacAddress localMac() const override { return m_info.mac; }
    int mtu() const override { return m_info.mtu; }
    Result<bool, TransportError> send(std::span<const std::uint8_t> frame) override;

private:
    PcapTransport(pcap *handle, int fd, InterfaceInfo info);
    void drain();
    void fail(const TransportError &failure);

    pcap *m_handle;
    InterfaceInfo m_info;
    QSocketNotifier *m_notifier; // a child: deleted with us
    bool m_failed = false;
};

} // namespace aoesan::net
