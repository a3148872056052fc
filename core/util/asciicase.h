// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

// ASCII case folding, independent of the C locale: identifiers, keywords and source names
// in Patchwise are ASCII; other bytes (UTF-8 included) pass through unchanged.
namespace patchwise {

constexpr char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

constexpr char asciiUpper(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

inline std::string asciiLowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = asciiLower(c);
    return out;
}

inline std::string asciiUppered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = asciiUpper(c);
    return out;
}

} // namespace patchwise
