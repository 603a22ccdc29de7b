// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/BenchSpec.h"

#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace aoesan::bench {

namespace {

constexpr std::array<std::pair<Pattern, const char *>, 5> kWords {{
    {Pattern::Read, "read"},
    {Pattern::Write, "write"},
    {Pattern::RandRead, "randread"},
    {Pattern::RandWrite, "randwrite"},
    {Pattern::Mixed, "mixed"},
}};

} // namespace

const char *patternWord(Pattern pattern)
{
    for (const auto &[p, word] : kWords)
        if (p == pattern)
            return word;
    return "read";
}

std::optional<Pattern> patternFromWord(const std::string &word)
{
    for (const auto &[p, w] : kWords)
        if (word == w)
            return p;
    return std::nullopt;
}

bool writes(Pattern pattern)
{
    return pattern == Pattern::Write || pattern == Pattern::RandWrite || pattern == Pattern::Mixed;
}

bool isRandom(Pattern pattern)
{
    return pattern == Pattern::RandRead || pattern == Pattern::RandWrite || pattern == Pattern::Mixed;
}

std::optional<std::uint64_t> parseByteSize(const std::string &text)
{
    std::uint64_t value = 0;
    const char *begin = text.data();
    const char *end = begin + text.size();
    const auto [rest, error] = std::from_chars(begin, end, value);
    if (error != std::errc() || rest == begin)
        return std::nullopt;
    std::string unit(rest, end);
    for (char &c : unit)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    unsigned shift = 0;
    if (unit.empty() || unit == "b")
        shift = 0;
    else if (unit == "k" || unit == "kib" || unit == "kb")
        shift = 10;
    else if (unit == "m" || unit == "mib" || unit == "mb")
        shift = 20;
    else
        return std::nullopt;
    if (value > (std::uint64_t {1} << (40 - shift)))
        return std::nullopt;
    return value << shift;
}

} // namespace aoesan::bench
