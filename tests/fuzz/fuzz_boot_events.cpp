// SPDX-License-Identifier: GPL-3.0-or-later
// The boot server's events and settings (core/boot/BootEvents): the input is one line of the events file, and
// also a settings file. A line is an event or nothing, never a crash; an event that parses is written and read
// back the same. A settings file that reads is a request that encodes and reads back the same.
#include <QTemporaryDir>

#include "FuzzSupport.h"
#include "boot/BootEvents.h"

using namespace aoesan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::ensureApplication();
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (const auto event = boot::parseBootEvent(bytes)) {
        const QByteArray written = boot::encodeBootEvent(*event);
        FUZZ_CHECK(written.endsWith('\n'));
        const auto again = boot::parseBootEvent(written);
        FUZZ_CHECK(again && *again == *event);
        (void)boot::givenText(event->client);
    }

    static QTemporaryDir dir(fuzz::scratchTemplate());
    FUZZ_CHECK(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("settings.json"));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size());
    }
    if (const auto request = boot::readBootRequest(path)) {
        (void)boot::optionsFor(*request);
        const QString again = dir.filePath(QStringLiteral("again.json"));
        FUZZ_CHECK(boot::writeBootRequest(again, *request).ok());
        const auto reread = boot::readBootRequest(again);
        FUZZ_CHECK(reread && *reread == *request);
        QFile::remove(again);
    }
    return 0;
}
