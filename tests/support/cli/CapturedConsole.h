// SPDX-License-Identifier: GPL-3.0-or-later
// An aoesan-ctl subcommand run in-process with its console on memory streams (open_memstream), so a test
// reads the exact bytes it wrote to stdout and stderr without redirecting the process's descriptors.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

#include "cli/Console.h"

namespace aoesan::test {

class CapturedConsole
{
public:
    CapturedConsole()
        : m_out(::open_memstream(&m_outData, &m_outSize))
        , m_err(::open_memstream(&m_errData, &m_errSize))
    { }
    ~CapturedConsole()
    {
        close(m_out);
        close(m_err);
        std::free(m_outData);
        std::free(m_errData);
    }
    CapturedConsole(const CapturedConsole &) = delete;
    CapturedConsole &operator=(const CapturedConsole &) = delete;

    bool ok() const { return m_out && m_err; }
    cli::Console console() const { return {m_out, m_err}; }
    QByteArray out() const { return contents(m_out, m_outData, m_outSize); }
    QByteArray err() const { return contents(m_err, m_errData, m_errSize); }

private:
    static void close(std::FILE *stream)
    {
        if (stream)
            std::fclose(stream);
    }
    // The buffer and its size are valid after a flush.
    static QByteArray contents(std::FILE *stream, const char *const &data, const std::size_t &size)
    {
        if (!stream)
            return {};
        std::fflush(stream);
        return QByteArray(data, static_cast<qsizetype>(size));
    }

    char *m_outData = nullptr;
    std::size_t m_outSize = 0;
    char *m_errData = nullptr;
    std::size_t m_errSize = 0;
    std::FILE *m_out;
    std::FILE *m_err;
};

struct CommandRun
{
    int code = -1;
    QByteArray out;
    QByteArray err;

    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
            .arg(code)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

// Runs a subcommand's function (cli/Commands.h) with `args` as its words, as aoesan-ctl would.
inline CommandRun runCommand(int (*run)(const QStringList &, const cli::Console &), const QStringList &args)
{
    CapturedConsole captured;
    CommandRun result;
    if (!captured.ok()) {
        result.err = "open_memstream failed";
        return result;
    }
    result.code = run(args, captured.console());
    result.out = captured.out();
    result.err = captured.err();
    return result;
}

} // namespace aoesan::test
