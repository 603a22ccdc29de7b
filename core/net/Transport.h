// SPDX-License-Identifier: GPL-3.0-or-later
// A Transport sends and receives whole Ethernet frames carrying AoE (EtherType 0x88A2) on one
// interface. Discovery and the initiator see only this interface, so tests swap in MemoryTransport
// (tests/support/net: test doubles never ship in core).
#pragma once

#include <QByteArray>
#include <QObject>

#include <cstdint>
#include <span>
#include <string>

#include "net/TransportError.h"
#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::net {

class Transport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Transport() override = default;

    virtual std::string interfaceName() const = 0;
    virtual protocol::MacAddress localMac() const = 0;
    virtual int mtu() const = 0;

    // Sends one frame as given (the caller pads to 60 bytes; protocol::encodeFrame does).
    virtual Result<bool, TransportError> send(std::span<const std::uint8_t> frame) = 0;

signals:
    // One received AoE frame, from the destination MAC on; never our own transmissions.
    void frameReceived(const QByteArray &frame);
    // The transport stopped working after it opened (interface removed, socket error).
    void failed(const aoesan::net::TransportError &error);
};

} // namespace aoesan::net
