// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamp.h"

#include <cstdio>

namespace patchwise {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int &out)
{
    if (pos + n > s.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

} // namespace

std::optional<std::int64_t> parseTimestamp(std::string_view s)
{
    int year, month, day;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) ||
        s[7] != '-' || !digits(s, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    std::int64_t seconds = daysFromCivil(year, unsigned(month), unsigned(day)) * 86400;
    std::size_t pos = 10;
    if (pos == s.size())
        return seconds;
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
        return std::nullopt;
    int hh, mm, ss = 0;
    if (!digits(s, pos + 1, 2, hh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, mm))
        return std::nullopt;
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, pos + 1, 2, ss))
            return std::nullopt;
        pos += 3;
    }
    if (hh > 23 || mm > 59 || ss > 60)
        return std::nullopt;
    seconds += hh * 3600 + mm * 60 + ss;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
            ++pos; // sub-second precision is not kept
    }
    if (pos == s.size())
        return seconds;
    if (s[pos] == 'Z' || s[pos] == 'z')
        return pos + 1 == s.size() ? std::optional<std::int64_t>(seconds) : std::nullopt;
    if (s[pos] != '+' && s[pos] != '-')
        return std::nullopt;
    const int sign = s[pos] == '-' ? -1 : 1;
    int oh, om = 0;
    if (!digits(s, pos + 1, 2, oh))
        return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == ':')
        ++pos;
    if (pos < s.size()) {
        if (!digits(s, pos, 2, om))
            return std::nullopt;
        pos += 2;
    }
    if (pos != s.size() || oh > 23 || om > 59)
        return std::nullopt;
    return seconds - sign * (oh * 3600 + om * 60);
}

std::string formatTimestamp(std::int64_t t)
{
    std::int64_t days = t / 86400;
    std::int64_t rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    // civil_from_days
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buf[64]; // large enough for any year the arithmetic can produce
    std::snprintf(buf,
                  sizeof buf,
                  "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(y + (m <= 2)),
                  m,
                  d,
                  static_cast<long long>(rem / 3600),
                  static_cast<long long>(rem % 3600 / 60),
                  static_cast<long long>(rem % 60));
    return buf;
}

} // namespace patchwise
