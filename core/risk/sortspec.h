// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/fields.h"
#include "util/result.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace patchwise::risk {

struct SortKey
{
    Field field;
    bool descending;
};

// The natural direction of a field: worst/largest first (descending) for Number, Bool,
// Severity and Decision fields except Rank (1 = fix first, ascending); A→Z for Text.
bool naturallyDescending(Field field);

// A comma-separated list of field names (as in filters: name, JSON name or alias, any
// case), for example "severity, -epss, image:desc". Each key takes its field's natural
// direction; a leading "-" reverses it; a ":asc" or ":desc" suffix sets it outright.
// Empty or whitespace-only text gives no keys. Errors start with "column N: " like filter
// errors.
Result<std::vector<SortKey>> parseSort(std::string_view text);

// `order` (row indices) stably sorted by `keys`: rows comparing equal on every key keep
// their incoming order. Number, Bool, Severity and Decision keys compare rows.number()
// (NaN last in either direction); Text keys compare rows.text() ASCII case-insensitively.
// Each key column is read once up front into order-preserving integers, then sorted with
// a stable radix sort (no virtual calls while sorting).
std::vector<std::uint32_t>
sortRows(const RowSource &rows, std::vector<std::uint32_t> order, std::span<const SortKey> keys);

// `order` (row indices) stably sorted by keyOfRow[row], smallest first or largest first:
// for orders computed outside the field catalogue (the same radix sort as sortRows).
std::vector<std::uint32_t> sortByKey(std::vector<std::uint32_t> order,
                                     std::span<const std::uint64_t> keyOfRow,
                                     bool descending);

} // namespace patchwise::risk
