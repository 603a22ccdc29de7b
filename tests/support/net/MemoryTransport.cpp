// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/MemoryTransport.h"

#include <QMetaObject>

#include <algorithm>

namespace aoesan::net {

void MemoryLink::attach(MemoryTransport *transport)
{
    m_transports.emplace_back(transport);
}

void MemoryLink::detach(MemoryTransport *transport)
{
    std::erase_if(
        m_transports, [transport](const QPointer<MemoryTransport> &t) { return t == transport || t.isNull(); });
}

void MemoryLink::carry(const MemoryTransport *sender, const QByteArray &frame)
{
    m_history.append(frame);
    for (const auto &receiver : m_transports) {
        if (receiver.isNull() || receiver == sender || !receiver->accepts(frame))
            continue;
        // Queued, as a socket notifier would deliver it: a responder never runs inside send().
        QMetaObject::invokeMethod(
            receiver.data(),
            [r = receiver, frame]() {
                if (r && r->m_linkUp)
                    emit r->frameReceived(frame);
            },
            Qt::QueuedConnection);
    }
}

MemoryTransport::MemoryTransport(MemoryLink *link, std::string name, protocol::MacAddress mac, int mtu, QObject *parent)
    : Transport(parent)
    , m_link(link)
    , m_name(std::move(name))
    , m_mac(mac)
    , m_mtu(mtu)
{
    if (m_link)
        m_link->attach(this);
}

MemoryTransport::~MemoryTransport()
{
    if (m_link)
        m_link->detach(this);
}

bool MemoryTransport::accepts(const QByteArray &frame) const
{
    if (!m_linkUp || frame.size() < 6)
        return false;
    if (m_promiscuous)
        return true;
    const auto *dst = reinterpret_cast<const std::uint8_t *>(frame.constData());
    const bool groupAddress = (dst[0] & 0x01U) != 0;
    return groupAddress || std::equal(dst, dst + 6, m_mac.bytes().begin());
}

Result<bool, TransportError> MemoryTransport::send(std::span<const std::uint8_t> frame)
{
    if (!m_linkUp)
        return Unexpected(TransportError {TransportError::Code::InterfaceDown, "interface " + m_name + " is down", {}});
    if (static_cast<int>(frame.size()) > (m_kernelMtu > 0 ? m_kernelMtu : m_mtu) + 14)
        return Unexpected(TransportError {TransportError::Code::FrameTooBig,
            "frame of " + std::to_string(frame.size()) + " bytes exceeds the MTU of " + m_name, {}});
    const QByteArray bytes(reinterpret_cast<const char *>(frame.data()), static_cast<qsizetype>(frame.size()));
    m_sent.append(bytes);
    if (m_link)
        m_link->carry(this, bytes);
    return true;
}

} // namespace aoesan::net
