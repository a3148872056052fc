// SPDX-License-Identifier: GPL-3.0-or-later
#include "textspace.h"

namespace patchwise {

namespace {

bool isSpaceCodePoint(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

unsigned char byteAt(std::string_view s, std::size_t i)
{
    return static_cast<unsigned char>(s[i]);
}

} // namespace

std::size_t whitespaceAt(std::string_view text, std::size_t pos)
{
    const unsigned char c = byteAt(text, pos);
    if (c < 0x80)
        return isSpaceCodePoint(c) ? 1 : 0;
    // Only 2- and 3-byte sequences hold whitespace code points.
    if (c >= 0xC2 && c <= 0xDF && pos + 1 < text.size() && (byteAt(text, pos + 1) & 0xC0) == 0x80) {
        const char32_t cp = char32_t(c & 0x1F) << 6 | (byteAt(text, pos + 1) & 0x3F);
        return isSpaceCodePoint(cp) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF && pos + 2 < text.size() && (byteAt(text, pos + 1) & 0xC0) == 0x80 &&
        (byteAt(text, pos + 2) & 0xC0) == 0x80) {
        const char32_t cp = char32_t(c & 0x0F) << 12 | char32_t(byteAt(text, pos + 1) & 0x3F) << 6 |
                            (byteAt(text, pos + 2) & 0x3F);
        return isSpaceCodePoint(cp) ? 3 : 0;
    }
    return 0;
}

bool containsWhitespace(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (whitespaceAt(text, i) != 0)
            return true;
    }
    return false;
}

std::string_view trimmedWhitespace(std::string_view text)
{
    while (!text.empty()) {
        const std::size_t n = whitespaceAt(text, 0);
        if (n == 0)
            break;
        text.remove_prefix(n);
    }
    while (!text.empty()) {
        // A trailing whitespace character is 1, 2 or 3 bytes long.
        std::size_t n = 0;
        for (std::size_t len = 1; len <= 3 && len <= text.size(); ++len) {
            if (whitespaceAt(text, text.size() - len) == len) {
                n = len;
                break;
            }
        }
        if (n == 0)
            break;
        text.remove_suffix(n);
    }
    return text;
}

} // namespace patchwise
