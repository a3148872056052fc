// SPDX-License-Identifier: BSD-2-Clause
// CVSS v4.0 MacroVector scores, in tenths, transcribed from FIRST's reference calculator
// (github.com/FIRSTdotorg/cvss-v4-calculator, cvss_lookup.js at commit c5b0d409ae9f,
// "Copyright (c) 2023 FIRST.ORG, Inc., Red Hat, and contributors", BSD-2-Clause).
// The specification treats this table as normative data; it is not derived from a formula.
//
// Redistribution and use in source and binary forms, with or without modification, are
// permitted provided that the following conditions are met: 1. Redistributions of source
// code must retain the above copyright notice, this list of conditions and the following
// disclaimer. 2. Redistributions in binary form must reproduce the above copyright notice,
// this list of conditions and the following disclaimer in the documentation and/or other
// materials provided with the distribution. THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT
// HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED.
#include "cvssv4table.h"

namespace patchwise::cvss::v4 {

// Index: ((((eq1*2 + eq2)*3 + eq3)*3 + eq4)*3 + eq5)*2 + eq6; -1 marks a MacroVector that
// does not exist (EQ3=2 with EQ6=0).
const std::array<std::int8_t, MacroVectorSlots> kMacroVectorScore = {
    100, 99, 98, 95, 95, 92, 100, 96, 93, 87, 91, 81, 93, 90, 89, 80, 81, 68, 98, 95, 95, 92,
    90,  84, 93, 92, 89, 81, 81,  65, 88, 80, 78, 70, 69, 48, -1, 92, -1, 82, -1, 72, -1, 79,
    -1,  69, -1, 50, -1, 69, -1,  55, -1, 27, 99, 97, 95, 92, 92, 85, 95, 91, 90, 83, 84, 71,
    92,  81, 82, 71, 72, 53, 95,  93, 92, 85, 85, 73, 92, 82, 80, 72, 70, 59, 84, 70, 71, 52,
    50,  30, -1, 86, -1, 75, -1,  52, -1, 71, -1, 52, -1, 29, -1, 63, -1, 29, -1, 17, 98, 95,
    94,  87, 91, 81, 94, 89, 86,  74, 77, 64, 87, 75, 74, 63, 63, 49, 94, 89, 88, 77, 76, 67,
    86,  76, 74, 58, 59, 50, 72,  57, 57, 52, 52, 25, -1, 83, -1, 70, -1, 54, -1, 65, -1, 58,
    -1,  26, -1, 53, -1, 21, -1,  13, 95, 90, 88, 76, 76, 70, 90, 77, 75, 62, 61, 53, 77, 66,
    68,  59, 52, 30, 89, 78, 76,  67, 62, 58, 74, 59, 57, 57, 47, 23, 61, 52, 57, 29, 24, 16,
    -1,  71, -1, 59, -1, 30, -1,  58, -1, 26, -1, 15, -1, 23, -1, 13, -1, 6,  93, 87, 86, 72,
    75,  58, 86, 74, 74, 61, 56,  34, 70, 54, 52, 40, 40, 22, 85, 75, 74, 55, 62, 51, 72, 57,
    55,  41, 46, 19, 53, 36, 34,  19, 19, 8,  -1, 64, -1, 51, -1, 20, -1, 47, -1, 21, -1, 11,
    -1,  24, -1, 9,  -1, 4,  88,  75, 73, 53, 60, 50, 73, 55, 59, 40, 41, 20, 54, 43, 45, 22,
    20,  11, 75, 55, 58, 45, 40,  21, 61, 51, 48, 18, 20, 9,  46, 18, 17, 7,  8,  2,  -1, 53,
    -1,  24, -1, 14, -1, 24, -1,  12, -1, 5,  -1, 10, -1, 3,  -1, 1,
};

} // namespace patchwise::cvss::v4
