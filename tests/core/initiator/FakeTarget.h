// SPDX-License-Identifier: GPL-3.0-or-later
// A MemoryTransport-based AoE target for unit tests: one MAC serving one or more shelf.slot disks, with
// the r11 rules for config strings, MAC mask and reserve lists, and knobs to go silent, drop requests,
// hold them (to count a window), or announce itself the way vblade does (Ver 0).
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

#include <map>
#include <memory>
#include <vector>

#include "net/MemoryTransport.h"
#include "protocol/Frame.h"

namespace aoesan::test {

struct FakeDisk
{
    std::uint16_t shelf = 1;
    std::uint8_t slot = 1;
    std::uint64_t sectors = 131072;
    std::string serial = "1.1:fake";
    std::string model = "Fake AoE disk";
    std::string firmware = "V25";
    std::uint16_t bufferCount = 16;
    std::uint16_t firmwareVersion = 0x4019;
    int maxSectors = -1; // the Sector Count it reports; -1: from the MTU, as vblade computes it
    std::string configString;
    std::vector<protocol::MacAddress> maskList;
    std::vector<protocol::MacAddress> reserveList;
};

class FakeTarget : public QObject
{
    Q_OBJECT

public:
    FakeTarget(net::MemoryLink *link, std::string interfaceName, protocol::MacAddress mac, int mtu = 1500,
        QObject *parent = nullptr);

    void addDisk(const FakeDisk &disk);
    FakeDisk *disk(std::uint16_t shelf, std::uint8_t slot);
    net::MemoryTransport *transport() { return m_transport; }
    protocol::MacAddress mac() const { return m_mac; }

    void setSilent(bool silent) { m_silent = silent; }
    void dropNext(int count) { m_dropNext = count; }
    // Answers config queries but no ATA command (IDENTIFY goes unanswered).
    void setIgnoreAta(bool ignore) { m_ignoreAta = ignore; }
    // While holding, requests are kept instead of answered; releaseHeld() answers them in order.
    void setHold(bool hold) { m_hold = hold; }
    int heldCount() const { return static_cast<int>(m_held.size()); }
    void releaseHeld();
    // An unsolicited config reply (tag 0) to the broadcast address; vblade 25 sends it with Ver 0.
    void announce(std::uint16_t shelf, std::uint8_t slot, std::uint8_t version = 1);

    // Requests this target received and accepted (addressed to it), in order.
    const QList<QByteArray> &requests() const { return m_requests; }
    int requestCount(protocol::Command command) const;
    // Sector data written by WRITE EXT, keyed by LBA; reads of unwritten sectors return a pattern.
    const std::map<std::uint64_t, QByteArray> &written(std::uint16_t shelf, std::uint8_t slot);
    static QByteArray patternSector(std::uint64_t lba);

private:
    struct Disk
    {
        FakeDisk info;
        std::map<std::uint64_t, QByteArray> sectors;
    };
    void onFrame(const QByteArray &frame);
    void answer(const QByteArray &frame);
    void handle(Disk &disk, const protocol::Frame &request);
    void reply(const protocol::Frame &request, const Disk &disk, protocol::Argument arg, std::uint8_t error = 0);
    void handleAta(Disk &disk, const protocol::Frame &request, const protocol::AtaArg &ata);
    void handleConfig(Disk &disk, const protocol::Frame &request, const protocol::ConfigArg &config);
    void handleMask(Disk &disk, const protocol::Frame &request, const protocol::MacMaskArg &mask);
    void handleReserve(Disk &disk, const protocol::Frame &request, const protocol::ReserveArg &reserve);
    protocol::ConfigArg configOf(const Disk &disk) const;

    net::MemoryTransport *m_transport;
    protocol::MacAddress m_mac;
    int m_mtu;
    std::vector<std::unique_ptr<Disk>> m_disks;
    bool m_silent = false;
    bool m_hold = false;
    bool m_ignoreAta = false;
    int m_dropNext = 0;
    QList<QByteArray> m_held;
    QList<QByteArray> m_requests;
};

} // namespace aoesan::test
