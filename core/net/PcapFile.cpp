// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PcapFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <pcap/pcap.h>

namespace aoesan::net {

Result<std::vector<CapturedFrame>, std::string> readPcapFile(const std::string &path)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *handle = pcap_open_offline(path.c_str(), errbuf);
    if (!handle)
        return Unexpected("cannot read capture " + path + ": " + errbuf);
    if (pcap_datalink(handle) != DLT_EN10MB) {
        pcap_close(handle);
        return Unexpected("capture " + path + " is not of Ethernet frames");
    }
    std::vector<CapturedFrame> frames;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    int rc = 0;
    while ((rc = pcap_next_ex(handle, &header, &data)) == 1) {
        CapturedFrame f;
        f.timestamp = std::chrono::seconds(header->ts.tv_sec) + std::chrono::microseconds(header->ts.tv_usec);
        f.bytes = QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(header->caplen));
        f.originalLength = header->len;
        frames.push_back(std::move(f));
    }
    std::string error;
    if (rc == PCAP_ERROR)
        error = "capture " + path + " is damaged: " + pcap_geterr(handle);
    pcap_close(handle);
    if (!error.empty())
        return Unexpected(error);
    return frames;
}

Result<std::unique_ptr<PcapWriter>, std::string> PcapWriter::create(const std::string &path)
{
    pcap_t *handle = pcap_open_dead(DLT_EN10MB, 65535);
    if (!handle)
        return Unexpected(std::string("libpcap could not make a capture handle"));
    pcap_dumper_t *dumper = pcap_dump_open(handle, path.c_str());
    if (!dumper) {
        std::string error = "cannot write capture " + path + ": " + pcap_geterr(handle);
        pcap_close(handle);
        return Unexpected(error);
    }
    return std::unique_ptr<PcapWriter>(new PcapWriter(handle, dumper));
}

Result<std::unique_ptr<PcapWriter>, std::string> PcapWriter::createOnFd(int fd)
{
    FILE *file = ::fdopen(fd, "wb");
    if (!file)
        return Unexpected(
            "cannot write the capture to file descriptor " + std::to_string(fd) + ": " + std::strerror(errno));
    pcap_t *handle = pcap_open_dead(DLT_EN10MB, 65535);
    if (!handle) {
        std::fclose(file);
        return Unexpected(std::string("libpcap could not make a capture handle"));
    }
    pcap_dumper_t *dumper = pcap_dump_fopen(handle, file);
    if (!dumper) {
        std::string error = std::string("cannot write the capture: ") + pcap_geterr(handle);
        pcap_close(handle);
        std::fclose(file);
        return Unexpected(error);
    }
    return std::unique_ptr<PcapWriter>(new PcapWriter(handle, dumper));
}

PcapWriter::PcapWriter(pcap *handle, pcap_dumper *dumper)
    : m_handle(handle)
    , m_dumper(dumper)
{ }

PcapWriter::~PcapWriter()
{
    pcap_dump_close(m_dumper);
    pcap_close(m_handle);
}

void PcapWriter::write(std::span<const std::uint8_t> frame, std::chrono::microseconds timestamp)
{
    pcap_pkthdr header {};
    header.ts.tv_sec = static_cast<time_t>(timestamp.count() / 1000000);
    header.ts.tv_usec = static_cast<suseconds_t>(timestamp.count() % 1000000);
    header.caplen = static_cast<bpf_u_int32>(frame.size());
    header.len = static_cast<bpf_u_int32>(frame.size());
    pcap_dump(reinterpret_cast<u_char *>(m_dumper), &header, frame.data());
}

void PcapWriter::write(const QByteArray &frame, std::chrono::microseconds timestamp)
{
    write(std::span(reinterpret_cast<const std::uint8_t *>(frame.constData()), static_cast<std::size_t>(frame.size())),
        timestamp);
}

void PcapWriter::flush()
{
    pcap_dump_flush(m_dumper);
}

} // namespace aoesan::net
