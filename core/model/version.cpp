// SPDX-License-Identifier: GPL-3.0-or-later
#include "version.h"

#include <cstdint>

namespace patchwise::model {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// dpkg's order of one character of a non-digit run: '~' first, then the end of the run,
// then letters, then everything else.
int order(int c)
{
    if (c == 0)
        return 0;
    if (c == '~')
        return -1;
    if (isLetter(char(c)))
        return c;
    return c + 256;
}

std::string_view stripV(std::string_view v)
{
    if (v.size() > 1 && (v[0] == 'v' || v[0] == 'V') && isDigit(v[1]))
        v.remove_prefix(1);
    return v;
}

// Splits off a numeric epoch ("2:1.0" → 2, "1.0"); no epoch is 0.
std::uint64_t epochOf(std::string_view &v)
{
    const std::size_t colon = v.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return 0;
    std::uint64_t epoch = 0;
    for (std::size_t i = 0; i < colon; ++i) {
        if (!isDigit(v[i]))
            return 0;
        epoch = epoch * 10 + std::uint64_t(v[i] - '0');
        if (epoch > (std::uint64_t(1) << 40))
            return 0;
    }
    v.remove_prefix(colon + 1);
    return epoch;
}

} // namespace

int compareVersions(std::string_view a, std::string_view b)
{
    a = stripV(a);
    b = stripV(b);
    const std::uint64_t ea = epochOf(a), eb = epochOf(b);
    if (ea != eb)
        return ea < eb ? -1 : 1;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        // Non-digit run.
        while ((i < a.size() && !isDigit(a[i])) || (j < b.size() && !isDigit(b[j]))) {
            const int ca =
                i < a.size() && !isDigit(a[i]) ? order(static_cast<unsigned char>(a[i])) : 0;
            const int cb =
                j < b.size() && !isDigit(b[j]) ? order(static_cast<unsigned char>(b[j])) : 0;
            if (ca != cb)
                return ca < cb ? -1 : 1;
            if (i < a.size() && !isDigit(a[i]))
                ++i;
            if (j < b.size() && !isDigit(b[j]))
                ++j;
        }
        // Digit run, compared as a number: skip leading zeros, then the longer run is
        // larger, else the first differing digit decides.
        while (i < a.size() && a[i] == '0')
            ++i;
        while (j < b.size() && b[j] == '0')
            ++j;
        std::size_t ia = i, jb = j;
        while (ia < a.size() && isDigit(a[ia]))
            ++ia;
        while (jb < b.size() && isDigit(b[jb]))
            ++jb;
        if (ia - i != jb - j)
            return ia - i < jb - j ? -1 : 1;
        for (; i < ia; ++i, ++j)
            if (a[i] != b[j])
                return a[i] < b[j] ? -1 : 1;
    }
    return 0;
}

std::string_view upgradeTarget(std::string_view installed, std::string_view fixedVersions)
{
    std::string_view above, highest;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= fixedVersions.size(); ++k) {
        if (k < fixedVersions.size() && fixedVersions[k] != ' ' && fixedVersions[k] != ',')
            continue;
        const std::string_view c = fixedVersions.substr(start, k - start);
        start = k + 1;
        if (c.empty())
            continue;
        if (highest.empty() || compareVersions(c, highest) > 0)
            highest = c;
        if (compareVersions(c, installed) > 0 && (above.empty() || compareVersions(c, above) < 0))
            above = c;
    }
    return above.empty() ? highest : above;
}

} // namespace patchwise::model
