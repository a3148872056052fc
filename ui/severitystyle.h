// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "style.h" // report/: the colours and words are shared with the printed reports

namespace patchwise::ui {

using report::factorTitle;
using report::gradeColor;
using report::severityColor;
using report::severityColumnColor;
using report::severityColumnLabel;
using report::severityLabel;

} // namespace patchwise::ui
