// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace patchwise {

// Byte length of the whitespace character that starts at text[pos] in UTF-8, or 0 when
// there is none. "Whitespace" is Unicode's White_Space set as Python's str.isspace()
// sees it: ASCII \t \n \v \f \r and space, the separators U+001C–U+001F, U+0085, U+00A0,
// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
std::size_t whitespaceAt(std::string_view text, std::size_t pos);

// True when text contains any such whitespace character.
bool containsWhitespace(std::string_view text);

// text without leading and trailing whitespace (same set).
std::string_view trimmedWhitespace(std::string_view text);

} // namespace patchwise
