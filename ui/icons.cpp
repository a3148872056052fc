// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>
#include <array>
#include <optional>

namespace patchwise::ui {

namespace {

// The SVG's base name. A switch: an `Icon` missing here is a -Wswitch error.
const char *fileName(Icon icon)
{
    switch (icon) {
    case Icon::NewWorkspace:
        return "workspace-new";
    case Icon::OpenWorkspace:
        return "workspace-open";
    case Icon::RecentWorkspaces:
        return "recent";
    case Icon::DemoWorkspace:
        return "demo";
    case Icon::ImportFiles:
        return "import";
    case Icon::ImportFolder:
        return "import-folder";
    case Icon::Export:
        return "export";
    case Icon::Report:
        return "report";
    case Icon::Cancel:
        return "cancel";
    case Icon::Quit:
        return "quit";
    case Icon::TriagePage:
        return "page-triage";
    case Icon::ImagesPage:
        return "page-images";
    case Icon::MatrixPage:
        return "page-matrix";
    case Icon::PlanPage:
        return "page-plan";
    case Icon::CvssPage:
        return "page-cvss";
    case Icon::WhatIf:
        return "what-if";
    case Icon::Search:
        return "search";
    case Icon::Filter:
        return "filter";
    case Icon::Close:
        return "close";
    case Icon::Save:
        return "save";
    case Icon::Discard:
        return "discard";
    case Icon::Bookmark:
        return "bookmark";
    case Icon::BookmarkAdd:
        return "bookmark-add";
    case Icon::Delete:
        return "delete";
    case Icon::Copy:
        return "copy";
    case Icon::ExternalLink:
        return "external-link";
    case Icon::Columns:
        return "columns";
    case Icon::About:
        return "about";
    case Icon::Fixable:
        return "fixable";
    case Icon::Exploited:
        return "exploited";
    case Icon::Exposed:
        return "exposed";
    case Icon::BaseFix:
        return "base-fix";
    case Icon::SlaBreached:
        return "sla";
    case Icon::Resolved:
        return "resolved";
    case Icon::Apply:
        return "apply";
    case Icon::Reset:
        return "reset";
    case Icon::DecisionsPage:
        return "page-decisions";
    case Icon::Decide:
        return "decide";
    case Icon::Undo:
        return "undo";
    case Icon::Redo:
        return "redo";
    }
    return "";
}

// The SVG text, read from the resources once per icon.
const QByteArray &svgSource(Icon icon)
{
    static std::array<std::optional<QByteArray>, IconCount> cache;
    std::optional<QByteArray> &source = cache[std::size_t(icon)];
    if (!source) {
        QFile file(iconPath(icon));
        source = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        if (source->isEmpty())
            qWarning("Patchwise: the icon %s is missing from the resources", fileName(icon));
    }
    return *source;
}

// `a` moved towards `b` by `t` (0 = a, 1 = b), in RGB.
QColor mixed(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t),
                            float(a.alphaF()));
}

// Renders the SVG on demand in the colour of the current palette, so every size and device
// pixel ratio is drawn from the vector source and a palette change applies at the next paint.
// Rendered pixmaps are shared through QPixmapCache, keyed by icon, size and colour.
class ThemedIconEngine : public QIconEngine
{
public:
    ThemedIconEngine(Icon icon, std::optional<QColor> fixed)
        : m_icon(icon)
        , m_fixed(fixed)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const int side = std::min(rect.width(), rect.height());
        if (side <= 0)
            return;
        QRect target(0, 0, side, side);
        target.moveCenter(rect.center());
        const QColor color = colorFor(mode);
        if (painter->transform().type() > QTransform::TxTranslate) {
            // Scaled or rotated: draw the vectors themselves.
            render(painter, QRectF(target), color);
            return;
        }
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap pixmap = rendered(qRound(side * dpr), color);
        pixmap.setDevicePixelRatio(dpr);
        painter->drawPixmap(target.topLeft(), pixmap);
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const int side = std::min(size.width(), size.height());
        return {side, side};
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return rendered(std::min(size.width(), size.height()), colorFor(mode));
    }

    // QIcon::pixmap(size, dpr) passes the size in device pixels (already times `scale`).
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        QPixmap pixmap = rendered(std::min(size.width(), size.height()), colorFor(mode));
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QIconEngine *clone() const override { return new ThemedIconEngine(*this); }
    QString key() const override { return QStringLiteral("patchwise-themed"); }
    QString iconName() override { return QLatin1String(fileName(m_icon)); }
    bool isNull() override { return svgSource(m_icon).isEmpty(); }

private:
    QColor colorFor(QIcon::Mode mode) const
    {
        if (m_fixed) {
            QColor color = *m_fixed;
            if (mode == QIcon::Disabled)
                color.setAlphaF(color.alphaF() * 0.4f);
            return color;
        }
        const QPalette palette = QGuiApplication::palette();
        const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
        switch (mode) {
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Disabled: {
            const QColor disabled = palette.color(QPalette::Disabled, QPalette::WindowText);
            // Palettes built with one colour for every group have no disabled text colour.
            return disabled != text
                       ? disabled
                       : mixed(text, palette.color(QPalette::Active, QPalette::Window), 0.6);
        }
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return text;
    }

    void render(QPainter *painter, const QRectF &target, const QColor &color) const
    {
        QByteArray svg = svgSource(m_icon);
        svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        if (!renderer.isValid())
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setOpacity(painter->opacity() * color.alphaF());
        renderer.render(painter, target);
        painter->restore();
    }

    // A `side`×`side` device-pixel rendering, device pixel ratio 1.
    QPixmap rendered(int side, const QColor &color) const
    {
        if (side <= 0 || svgSource(m_icon).isEmpty())
            return {};
        const QString key = QStringLiteral("patchwise-icon:%1:%2:%3")
                                .arg(int(m_icon))
                                .arg(side)
                                .arg(color.rgba(), 8, 16, QLatin1Char('0'));
        QPixmap pixmap;
        if (QPixmapCache::find(key, &pixmap))
            return pixmap;
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            render(&painter, QRectF(0, 0, side, side), color);
        }
        pixmap = QPixmap::fromImage(std::move(image));
        QPixmapCache::insert(key, pixmap);
        return pixmap;
    }

    Icon m_icon;
    std::optional<QColor> m_fixed;
};

} // namespace

QString iconPath(Icon icon)
{
    return QStringLiteral(":/icons/actions/") + QLatin1String(fileName(icon)) +
           QStringLiteral(".svg");
}

QIcon themedIcon(Icon icon)
{
    return QIcon(new ThemedIconEngine(icon, std::nullopt));
}

QIcon themedIcon(Icon icon, const QColor &color)
{
    return QIcon(new ThemedIconEngine(icon, color));
}

} // namespace patchwise::ui
