// SPDX-License-Identifier: GPL-3.0-or-later
// An in-memory Ethernet segment for unit tests: every MemoryTransport attached to one MemoryLink
// receives what the others send, delivered through the event loop as a real socket would be.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

#include <vector>

#include "net/Transport.h"

namespace aoesan::net {

class MemoryTransport;

class MemoryLink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Frames sent by any transport on this link, in order, for assertions.
    const QList<QByteArray> &history() const { return m_history; }
    void clearHistory() { m_history.clear(); }

private:
    friend class MemoryTransport;
    void attach(MemoryTransport *transport);
    void detach(MemoryTransport *transport);
    void carry(const MemoryTransport *sender, const QByteArray &frame);

    std::vector<QPointer<MemoryTransport>> m_transports;
    QList<QByteArray> m_history;
};

class MemoryTransport : public Transport
{
    Q_OBJECT

public:
    MemoryTransport(
        MemoryLink *link, std::string name, protocol::MacAddress mac, int mtu = 1500, QObject *parent = nullptr);
    ~MemoryTransport() override;

    std::string interfaceName() const override { return m_name; }
    protocol::MacAddress localMac() const override { return m_mac; }
    int mtu() const override { return m_mtu; }
    Result<bool, TransportError> send(std::span<const std::uint8_t> frame) override;

    // A promiscuous transport also receives unicast frames addressed to others (pcap's default).
    void setPromiscuous(bool on) { m_promiscuous = on; }
    bool promiscuous() const { return m_promiscuous; }
    // While down, send() fails and nothing is received: a cable pulled.
    void setLinkUp(bool up) { m_linkUp = up; }
    // The MTU the "kernel" now enforces on send(), while mtu() still says the one seen at open: an MTU
    // lowered after the transport opened, as a real one sees it. 0: mtu() is enforced.
    void setKernelMtu(int mtu) { m_kernelMtu = mtu; }

    // Frames this transport sent, in order.
    const QList<QByteArray> &sent() const { return m_sent; }

private:
    friend class MemoryLink;
    bool accepts(const QByteArray &frame) const;

    QPointer<MemoryLink> m_link;
    std::string m_name;
    protocol::MacAddress m_mac;
    int m_mtu;
    bool m_promiscuous = true;
    bool m_linkUp = true;
    int m_kernelMtu = 0;
    QList<QByteArray> m_sent;
};

} // namespace aoesan::net
