// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>

namespace patchwise::ui {

// The application's line icons: resources/icons/actions/<name>.svg, 24×24 strokes drawn in
// `currentColor`. Naming them by enum keeps a misspelt icon a compile error. To add one: draw
// the SVG, add a value here and its file name in icons.cpp (tst_icons checks that every value
// has a file and every file a value).
enum class Icon
{
    NewWorkspace,
    OpenWorkspace,
    RecentWorkspaces,
    DemoWorkspace,
    ImportFiles,
    ImportFolder,
    Export,
    Report,
    Cancel,
    Quit,
    TriagePage,
    ImagesPage,
    MatrixPage,
    PlanPage,
    CvssPage,
    WhatIf,
    Search,
    Filter,
    Close,
    Save,
    Discard,
    Bookmark,
    BookmarkAdd,
    Delete,
    Copy,
    ExternalLink,
    Columns,
    About,
    Fixable,
    Exploited,
    Exposed,
    BaseFix,
    SlaBreached,
    Resolved,
    Apply,
    Reset,
    DecisionsPage,
    Decide,
    Undo,
    Redo,
};
inline constexpr int IconCount = int(Icon::Redo) + 1;

// The Qt resource path of `icon`'s SVG (":/icons/actions/<name>.svg").
QString iconPath(Icon icon);

// `icon` in the colours of the application palette at the time it is painted: WindowText,
// HighlightedText when Selected, a dimmed WindowText when Disabled. It is rendered from the SVG
// at the size and device pixel ratio asked for (sharp at any scale), and a palette change
// (light ↔ dark) needs no reloading: the next paint uses the new colours. GUI thread only.
QIcon themedIcon(Icon icon);

// The same in a fixed colour (Disabled: the colour at 40 % opacity), for surfaces that do not
// follow the palette, such as the import-error banner.
QIcon themedIcon(Icon icon, const QColor &color);

} // namespace patchwise::ui
